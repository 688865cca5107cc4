/* hp_strlen_asm_avx2: strlen with AVX2 (vpcmpeqb + vpmovmskb), by hand.
 * Blocks are aligned 32-byte blocks, groups aligned 128-byte groups:
 *   1. the block holding s (the bytes before s shifted out of its mask);
 *   2. the rest of the group holding s: when s is in the group's first
 *      half, its remaining three or two blocks in one vpminub test (the
 *      blocks up to s's replaced by all-ones); in the second half, the
 *      one block after s's, if any;
 *   3. a first group outside the loop (a string ending in it costs no
 *      loop exit), then 128 bytes per step; vpminub folds each group's
 *      four vectors into one test;
 *   4. the exit builds two 64-bit masks from the vectors still in
 *      registers.
 * Every block read is aligned and lies in the group holding s or starts
 * after a block without a zero: its page is one the string reaches (the
 * argument of strlen_block.h).
 *
 * Step 2 is where this differs from strlen_avx2.c, which tests the blocks
 * up to the first group boundary one by one: up to three compare-and-
 * branch rounds become one test.  At 256 bytes on Zen 4 this ran
 * 1.11-1.32x the first version, from 0.855-0.92x to 0.946-1.215x the
 * intrinsics, by where s falls in its group; a 64-byte string from the
 * start of a group pays for the extra blocks (0.79x the first version).
 * Also measured: the single-block path entered at its compare, and the
 * loop's first two loads issued before the pointer moves (gcc's order),
 * each a few percent (docs/avx2.md).
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
        test    $64, %dil
        jnz     10f
        and     $-128, %rdx             /* s in its group's first half: */
        vpcmpeqb %ymm1, %ymm1, %ymm1    /* all-ones for the blocks up to s's */
        test    $32, %dil
        jnz     11f
        vmovdqa 32(%rdx), %ymm2
        jmp     12f
11:     vmovdqa %ymm1, %ymm2
12:     vmovdqa 64(%rdx), %ymm3
        vmovdqa 96(%rdx), %ymm4
        ANY_ZERO
        jnz     4f
        jmp     3f

10:     test    $32, %dil               /* s in its group's second half */
        jnz     13f
        vpcmpeqb 32(%rdx), %ymm0, %ymm1 /* the group's last block */
        vpmovmskb %ymm1, %eax
        add     $32, %rdx
        test    %eax, %eax
        jnz     6f
13:     add     $32, %rdx               /* rdx = the next group */

        vmovdqa (%rdx), %ymm1           /* the first group outside the loop: */
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
