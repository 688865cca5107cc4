/* A known function for scripts/mca.sh: a setup loop with no vector
 * instruction, then the hot loop (32 bytes per iteration from %rdi, an
 * early exit forward out of the loop, a branch inside it), then ret. */
        .text
        .globl  mca_fixture
        .type   mca_fixture,@function
mca_fixture:
        xor     %eax, %eax
1:      dec     %rdx
        jnz     1b
        xor     %ecx, %ecx
2:      vmovdqu (%rdi,%rcx,1), %ymm0
        vpaddd  %ymm0, %ymm1, %ymm1
        vptest  %ymm0, %ymm0
        je      3f
        vpxor   %ymm0, %ymm2, %ymm2
3:      add     $32, %rcx
        cmp     %rsi, %rcx
        jb      2b
        vzeroupper
        ret
        .size   mca_fixture, .-mca_fixture
