/* hp_strlen_asm_avx2: strlen with AVX2 (vpcmpeqb + vpmovmskb), by hand.
 * What it does that strlen_avx2.c does not:
 *   - the first 32 bytes by one unaligned load at s when s is not within
 *     32 bytes of a page end (then the load stays inside s's page, which
 *     the string reaches), so a short string costs one load, no shift;
 *     near a page end it falls back to the aligned block holding s, with
 *     the bytes before s shifted out of the mask;
 *   - the 4 x 32-byte groups of the main loop keep their four vectors, so
 *     the exit builds two 64-bit masks from registers, without reloading.
 * Every other block read is aligned (32 or 128 bytes) and starts after a
 * block without a zero: its page is one the string reaches (the argument
 * of strlen_block.h).
 *
 * size_t hp_strlen_asm_avx2(const char *s)
 *   System V: rdi = s; returns the length in rax.
 * Clobbers rax, rcx, rdx, ymm0-ymm6 (upper halves zeroed on return).
 * tzcnt on a non-zero operand equals bsf, so this needs no BMI1. */

        .text
        .globl hp_strlen_asm_avx2
        .type hp_strlen_asm_avx2, @function
        .p2align 5
hp_strlen_asm_avx2:
        .cfi_startproc
        vpxor   %xmm0, %xmm0, %xmm0     /* ymm0 = 0 */
        mov     %edi, %eax
        and     $4095, %eax
        cmp     $4064, %eax             /* s..s+31 within s's 4 KiB page? */
        ja      5f
        vpcmpeqb (%rdi), %ymm0, %ymm1
        vpmovmskb %ymm1, %eax
        test    %eax, %eax
        jz      1f
        tzcnt   %eax, %eax
        vzeroupper
        ret

1:      mov     %rdi, %rdx              /* rdx = the aligned block after s's */
        and     $-32, %rdx
        add     $32, %rdx
2:      test    $127, %dl               /* single blocks up to 128 alignment */
        jz      3f
        vpcmpeqb (%rdx), %ymm0, %ymm1
        vpmovmskb %ymm1, %eax
        test    %eax, %eax
        jnz     7f
        add     $32, %rdx
        jmp     2b

        .p2align 4
3:      vmovdqa (%rdx), %ymm1           /* 128 bytes per step */
        vmovdqa 32(%rdx), %ymm2
        vmovdqa 64(%rdx), %ymm3
        vmovdqa 96(%rdx), %ymm4
        vpminub %ymm2, %ymm1, %ymm5     /* min of the four has a zero byte */
        vpminub %ymm4, %ymm3, %ymm6     /* iff one of them does */
        vpminub %ymm6, %ymm5, %ymm5
        vpcmpeqb %ymm0, %ymm5, %ymm5
        vpmovmskb %ymm5, %eax
        sub     $-128, %rdx             /* -128 fits an imm8, +128 does not */
        test    %eax, %eax
        jnz     8f
        vmovdqa (%rdx), %ymm1           /* unrolled once: one branch per */
        vmovdqa 32(%rdx), %ymm2         /* 128 bytes, one loop jump per 256 */
        vmovdqa 64(%rdx), %ymm3
        vmovdqa 96(%rdx), %ymm4
        vpminub %ymm2, %ymm1, %ymm5
        vpminub %ymm4, %ymm3, %ymm6
        vpminub %ymm6, %ymm5, %ymm5
        vpcmpeqb %ymm0, %ymm5, %ymm5
        vpmovmskb %ymm5, %eax
        sub     $-128, %rdx
        test    %eax, %eax
        jz      3b

8:        vpcmpeqb %ymm0, %ymm1, %ymm1    /* which of the four: 64-bit masks */
        vpcmpeqb %ymm0, %ymm2, %ymm2
        vpmovmskb %ymm1, %ecx
        vpmovmskb %ymm2, %eax
        shl     $32, %rax
        or      %rcx, %rax
        jnz     4f
        vpcmpeqb %ymm0, %ymm3, %ymm3
        vpcmpeqb %ymm0, %ymm4, %ymm4
        vpmovmskb %ymm3, %ecx
        vpmovmskb %ymm4, %eax
        shl     $32, %rax
        or      %rcx, %rax
        add     $64, %rdx
4:      tzcnt   %rax, %rax              /* zero at rdx - 128 + rax */
        sub     %rdi, %rdx
        lea     -128(%rdx,%rax), %rax
        vzeroupper
        ret

5:      mov     %rdi, %rdx              /* near a page end: the aligned block */
        and     $-32, %rdx
        vpcmpeqb (%rdx), %ymm0, %ymm1
        vpmovmskb %ymm1, %eax
        mov     %edi, %ecx
        and     $31, %ecx
        shr     %cl, %eax               /* bit 0 = s[0] */
        test    %eax, %eax
        jz      1b
        tzcnt   %eax, %eax
        vzeroupper
        ret

7:      tzcnt   %eax, %eax              /* zero at rdx + rax */
        sub     %rdi, %rdx
        add     %rdx, %rax
        vzeroupper
        ret
        .cfi_endproc
        .size hp_strlen_asm_avx2, .-hp_strlen_asm_avx2
