/* hp_base64_encode_asm: the AVX-512 VBMI encoder (base64_encode_avx512vbmi.c)
 * written by hand.  48 input bytes -> 64 characters per step:
 *   vpermb          spreads each triple b0 b1 b2 over a dword as b1 b0 b2 b1
 *   vpmultishiftqb  pulls the four 6-bit fields out into four bytes
 *   vpermb          translates them, the 64-character alphabet as its table
 * Two steps per iteration while 112 bytes remain (a full 64-byte load uses
 * 48), one more if 64 remain, then whole triples by masked load and store
 * (masked-off lanes are not accessed), the last 1-2 bytes in hp_b64_enc_tail.
 *
 * size_t hp_base64_encode_asm(const uint8_t *src, size_t n, char *dst)
 *   System V: rdi = src, rsi = n, rdx = dst; returns 4*ceil(n/3) in rax.
 * Clobbers rax, rcx, rdx, rsi, rdi, r8, r9, k1, zmm0-zmm4, and through the
 * call to hp_b64_enc_tail any caller-saved register.  Saves rbx. */

#include "base64_asm.inc"

        .section .rodata
        .p2align 6
.Lspread:       /* vpermb indices: dword i <- bytes 3i+1, 3i, 3i+2, 3i+1 */
        .long 0x01020001, 0x04050304, 0x07080607, 0x0a0b090a
        .long 0x0d0e0c0d, 0x10110f10, 0x13141213, 0x16171516
        .long 0x191a1819, 0x1c1d1b1c, 0x1f201e1f, 0x22232122
        .long 0x25262425, 0x28292728, 0x2b2c2a2b, 0x2e2f2d2e
.Lshifts:       /* vpmultishiftqb: bit offsets of the 8 fields of a qword */
        .quad 0x3036242a1016040a

        .text
        .globl hp_base64_encode_asm
        .type hp_base64_encode_asm, @function
        .p2align 5
hp_base64_encode_asm:
        .cfi_startproc
        HP_B64_ENC_ENTER

        vmovdqu64 .Lspread(%rip), %zmm1
        vpbroadcastq .Lshifts(%rip), %zmm2
        mov     hp_b64_alphabet@GOTPCREL(%rip), %rax
        vmovdqu64 (%rax), %zmm3         /* the alphabet: vpermb's table */

        cmp     $112, %rsi
        jb      2f
1:      vpermb  (%rdi), %zmm1, %zmm0    /* two independent steps */
        vpermb  48(%rdi), %zmm1, %zmm4
        vpmultishiftqb %zmm0, %zmm2, %zmm0
        vpmultishiftqb %zmm4, %zmm2, %zmm4
        vpermb  %zmm3, %zmm0, %zmm0
        vpermb  %zmm3, %zmm4, %zmm4
        vmovdqu64 %zmm0, (%rdx)
        vmovdqu64 %zmm4, 64(%rdx)
        add     $96, %rdi
        sub     $-128, %rdx             /* -128 fits an imm8, +128 does not */
        sub     $96, %rsi
        cmp     $112, %rsi
        jae     1b
2:      cmp     $64, %rsi               /* 64..111 left: one full step */
        jb      3f
        vpermb  (%rdi), %zmm1, %zmm0
        vpmultishiftqb %zmm0, %zmm2, %zmm0
        vpermb  %zmm3, %zmm0, %zmm0
        vmovdqu64 %zmm0, (%rdx)
        add     $48, %rdi
        add     $64, %rdx
        sub     $48, %rsi
3:      cmp     $3, %rsi                /* fewer than 64 left: masked steps */
        jb      5f
        mov     $48, %eax               /* take = min(48, 3*(rem/3)) */
        cmp     %rax, %rsi
        jae     4f
        imul    $0xAAAB, %esi, %eax     /* rem < 48: rem/3 = (rem*0xAAAB) >> 17 */
        shr     $17, %eax
        lea     (%rax,%rax,2), %eax
4:      mov     $64, %ecx               /* k1 = the low `take` lanes */
        sub     %eax, %ecx
        mov     $-1, %r8
        shr     %cl, %r8
        kmovq   %r8, %k1
        vmovdqu8 (%rdi), %zmm0{%k1}{z}
        vpermb  %zmm0, %zmm1, %zmm0
        vpmultishiftqb %zmm0, %zmm2, %zmm0
        vpermb  %zmm3, %zmm0, %zmm0
        imul    $0xAAAB, %eax, %r9d     /* out = take + take/3 */
        shr     $17, %r9d
        add     %eax, %r9d
        mov     $64, %ecx               /* k1 = the low `out` lanes */
        sub     %r9d, %ecx
        mov     $-1, %r8
        shr     %cl, %r8
        kmovq   %r8, %k1
        vmovdqu8 %zmm0, (%rdx){%k1}
        add     %rax, %rdi
        sub     %rax, %rsi
        add     %r9, %rdx
        jmp     3b
5:      vzeroupper                      /* leaving AVX-512 code: no SSE penalty */
        call    hp_b64_enc_tail@PLT     /* rdi, rsi, rdx: the last 0-2 bytes */
        mov     %rbx, %rax
        pop     %rbx
        .cfi_adjust_cfa_offset -8
        .cfi_restore %rbx
        ret
        .cfi_endproc
        .size hp_base64_encode_asm, .-hp_base64_encode_asm
