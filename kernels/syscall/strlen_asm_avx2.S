/* hp_strlen_asm_avx2: strlen with AVX2 (vpcmpeqb + vpmovmskb), by hand:
 * the aligned 32-byte block holding s (the bytes before s shifted out of
 * its mask), single blocks up to a 128-byte boundary, then 128 bytes per
 * step, whose four vectors vpminub folds into one test; the exit builds
 * two 64-bit masks from the vectors still in registers.  Every block read
 * is aligned and starts after a block without a zero: its page is one the
 * string reaches (the argument of strlen_block.h).
 *
 * The layout is the measured part (docs/avx2.md, Zen 4): with the same
 * instructions, the single-block loop entered at its compare (a jump over
 * the boundary test) and the loop's first two loads issued before the
 * pointer moves ran 4-6% faster at 256 bytes than the straight-line
 * layout of the first version; moving the shift count's computation
 * alone moved gcc's code by 8%.  Those are front-end effects we could
 * not name without performance counters.
 *
 * size_t hp_strlen_asm_avx2(const char *s)
 *   System V: rdi = s; returns the length in rax.
 * Clobbers rax, rcx, rdx, ymm0-ymm6 (upper halves zeroed on return).
 * tzcnt on a non-zero operand equals bsf, so this needs no BMI1. */

/* ZF = 0 if one of ymm1-ymm4 has a zero byte (their minimum has one). */
        .macro ANY_ZERO
        vpminub %ymm2, %ymm1, %ymm5
        vpminub %ymm4, %ymm3, %ymm6
        vpminub %ymm6, %ymm5, %ymm5
        vpcmpeqb %ymm0, %ymm5, %ymm5
        vpmovmskb %ymm5, %eax
        test    %eax, %eax
        .endm

        .text
        .globl hp_strlen_asm_avx2
        .type hp_strlen_asm_avx2, @function
        .p2align 6
hp_strlen_asm_avx2:
        .cfi_startproc
        mov     %rdi, %rdx              /* rdx = the aligned block holding s */
        vpxor   %xmm0, %xmm0, %xmm0     /* ymm0 = 0 */
        and     $-32, %rdx
        mov     %edi, %ecx
        and     $31, %ecx
        vpcmpeqb (%rdx), %ymm0, %ymm1
        vpmovmskb %ymm1, %eax
        shr     %cl, %eax               /* bit 0 = s[0] */
        test    %eax, %eax
        jnz     5f
        add     $32, %rdx               /* single blocks up to 128 alignment */
        test    $127, %dl
        jz      2f
        jmp     1f
8:      add     $32, %rdx
        test    $127, %dl
        jz      2f
1:      vpcmpeqb (%rdx), %ymm0, %ymm1
        vpmovmskb %ymm1, %eax
        test    %eax, %eax
        jz      8b
        jmp     6f

2:      vmovdqa (%rdx), %ymm1           /* the first group outside the loop: */
        vmovdqa 32(%rdx), %ymm2         /* a string ending in it costs no */
        vmovdqa 64(%rdx), %ymm3         /* loop exit */
        vmovdqa 96(%rdx), %ymm4
        ANY_ZERO
        jnz     4f
        .p2align 4
3:      vmovdqa 128(%rdx), %ymm1        /* the next group: two loads, */
        vmovdqa 160(%rdx), %ymm2
        sub     $-128, %rdx             /* the pointer (-128 fits an imm8), */
        vmovdqa 64(%rdx), %ymm3         /* two loads */
        vmovdqa 96(%rdx), %ymm4
        ANY_ZERO
        jz      3b

4:      vpcmpeqb %ymm0, %ymm1, %ymm1    /* the group at rdx: which of the */
        vpcmpeqb %ymm0, %ymm2, %ymm2    /* four, as two 64-bit masks */
        vpmovmskb %ymm1, %ecx
        vpmovmskb %ymm2, %eax
        shl     $32, %rax
        or      %rcx, %rax
        jnz     7f
        vpcmpeqb %ymm0, %ymm3, %ymm3
        vpcmpeqb %ymm0, %ymm4, %ymm4
        vpmovmskb %ymm3, %ecx
        vpmovmskb %ymm4, %eax
        shl     $32, %rax
        or      %rcx, %rax
        add     $64, %rdx
7:      tzcnt   %rax, %rax              /* zero at rdx + rax */
        sub     %rdi, %rdx
        add     %rdx, %rax
        vzeroupper
        ret

5:      tzcnt   %eax, %eax              /* in the first block: s + rax */
        vzeroupper
        ret

6:      tzcnt   %eax, %eax              /* in a single block: rdx + rax */
        sub     %rdi, %rdx
        add     %rdx, %rax
        vzeroupper
        ret
        .cfi_endproc
        .size hp_strlen_asm_avx2, .-hp_strlen_asm_avx2
