/* hp_strlen_asm_avx2: strlen with AVX2 (vpcmpeqb + vpmovmskb), by hand:
 * the aligned 32-byte block holding s (the bytes before s shifted out of
 * its mask), single blocks up to a 128-byte boundary, then 128 bytes per
 * step, whose four vectors vpminub folds into one test; the exit builds
 * two 64-bit masks from the vectors still in registers.  Every block read
 * is aligned and starts after a block without a zero: its page is one the
 * string reaches (the argument of strlen_block.h).
 *
 * The same steps as strlen_avx2.c: it ties with gcc's code from 4 KiB
 * up, but trails it at 200-512 bytes in a paired harness (0.85x at 256,
 * Zen 4; 0.93-0.98x in hotpath-bench's loop) for a reason
 * no experiment here found (docs/avx2.md lists them: glibc's unaligned
 * first load, unconditional single blocks, a peeled first group, load
 * order, alignment); there are no counters on this machine.
 *
 * size_t hp_strlen_asm_avx2(const char *s)
 *   System V: rdi = s; returns the length in rax.
 * Clobbers rax, rcx, rdx, ymm0-ymm6 (upper halves zeroed on return).
 * tzcnt on a non-zero operand equals bsf, so this needs no BMI1. */

/* The 128-byte group at rdx: ZF = 0 if it has a zero byte, ymm1-ymm4 its
 * vectors; rdx moves past it. */
        .macro GROUP
        vmovdqa (%rdx), %ymm1
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
        .endm

        .text
        .globl hp_strlen_asm_avx2
        .type hp_strlen_asm_avx2, @function
        .p2align 6
hp_strlen_asm_avx2:
        .cfi_startproc
        vpxor   %xmm0, %xmm0, %xmm0     /* ymm0 = 0 */
        mov     %rdi, %rdx              /* rdx = the aligned block holding s */
        and     $-32, %rdx
        vpcmpeqb (%rdx), %ymm0, %ymm1
        vpmovmskb %ymm1, %eax
        mov     %edi, %ecx
        and     $31, %ecx
        shr     %cl, %eax               /* bit 0 = s[0] */
        test    %eax, %eax
        jnz     5f
        .p2align 4
1:      add     $32, %rdx               /* single blocks up to 128 alignment */
        test    $127, %dl
        jz      2f
        vpcmpeqb (%rdx), %ymm0, %ymm1
        vpmovmskb %ymm1, %eax
        test    %eax, %eax
        jz      1b
        jmp     6f

2:      GROUP                           /* the first group outside the loop: */
        jnz     4f                      /* a string ending in it costs no loop exit */
        .p2align 4
3:      GROUP
        jz      3b

4:      vpcmpeqb %ymm0, %ymm1, %ymm1    /* which of the four: 64-bit masks */
        vpcmpeqb %ymm0, %ymm2, %ymm2
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
7:      tzcnt   %rax, %rax              /* zero at rdx - 128 + rax */
        sub     %rdi, %rdx
        lea     -128(%rdx,%rax), %rax
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
