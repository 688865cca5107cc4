/* hp_base64_encode_asm_avx2: the AVX2 encoder (base64_encode_avx2.c)
 * written by hand.  24 input bytes -> 32 characters per step:
 *   vmovdqu    32 bytes at p - 4: low lane p[-4..12), high lane p[12..28)
 *   vpshufb    per lane, each triple b0 b1 b2 -> dword [b1 b0 b2 b1]
 *   vpmulhuw   fields a, c to bytes 0, 2 (x 2^6, x 2^10, high halves)
 *   vpmullw    fields b, d to bytes 1, 3 (x 2^4, x 2^8, low halves)
 *   vpblendvb  bytes 0, 2 of the first, 1, 3 of the second; vpand 0x3F
 *   vpmaxub, vpcmpgtb, vpsubb: a table slot whose low nibble is the
 *              index's class (pshufb reads only the low nibble)
 *   vpshufb, vpaddb: index + offset[class] = the character
 * vpmaxub, not vpsubusb: on Zen 4 vpsubusb shares the two pipes of the
 * multiplies and vpmaxub runs on all four (docs/avx2.md), worth 2-3%.
 * The first step loads at p (p - 4 may not be readable) and moves the low
 * lane up a dword with vpermd.  Then four steps per iteration while 100
 * bytes remain (a step at i reads [i-4, i+28)), single steps while 28
 * remain, and hp_b64_enc_tail for the last 0..27 bytes.
 *
 * size_t hp_base64_encode_asm_avx2(const uint8_t *src, size_t n, char *dst)
 *   System V: rdi = src, rsi = n, rdx = dst; returns 4*ceil(n/3) in rax.
 * Clobbers rax, rcx, rdx, rsi, rdi, r8, ymm0-ymm15, and through the call
 * to hp_b64_enc_tail any caller-saved register.  Saves rbx. */

#include "base64_asm.inc"

        .section .rodata
        .p2align 5
.Lspread:       /* vpshufb: low lane from offset 4, high lane from 0 */
        .byte 5, 4, 6, 5, 8, 7, 9, 8, 11, 10, 12, 11, 14, 13, 15, 14
        .byte 1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10
.Loffsets:      /* slot -> character - index: /, -, -, A-Z, a-z, 0-9 (x10), + */
        .byte -16, 0, 0, 65, 71, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, -19
        .byte -16, 0, 0, 65, 71, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, -19
.Lfirst:        /* vpermd: dwords 0 0 1 2 | 3 4 5 6 */
        .long 0, 0, 1, 2, 3, 4, 5, 6
.Lmulhi:        .long 0x04000040
.Lmullo:        .long 0x01000010
.Lhigh_bytes:   .long 0xFF00FF00
.L3f:           .byte 0x3F
.L51:           .byte 51
.L25:           .byte 25

/* One step on \x (loaded), with \t and \u as scratch. */
        .macro STEP x, t, u
        vpshufb   %ymm13, \x, \x
        vpmulhuw  %ymm8, \x, \t         /* bytes 0, 2: a, c (+ 2 high bits in c) */
        vpmullw   %ymm9, \x, \x         /* bytes 1, 3: b, d (+ 2 high bits each) */
        vpblendvb %ymm14, \x, \t, \x
        vpand     %ymm10, \x, \x        /* x = four 6-bit indices per dword */
        vpmaxub   %ymm11, \x, \t        /* t = max(x, 51): 51 for letters */
        vpcmpgtb  %ymm12, \x, \u        /* u = x > 25 ? -1 : 0 */
        vpsubb    \u, \t, \t            /* t = 51 A-Z, 52 a-z, 53..62 digits, */
                                        /* 63 '+', 64 '/': slots 3..15, 0 */
        vpshufb   \t, %ymm15, \t
        vpaddb    \t, \x, \x
        .endm

/* Two independent steps, \x and \y, their instructions alternating.  On
 * Zen 4 this ran 3.4% faster than the same instructions step after step.
 * Measured there (docs/avx2.md): vpshufb and vpblendvb share two of the
 * four vector pipes, the multiplies have two (one of those), the rest
 * all four; a step is half restricted work.  gcc's code of the
 * intrinsics mixes the two steps less regularly and runs 1.4-2% slower. */
        .macro STEP2 x, t, u, y, v, w
        vpshufb   %ymm13, \x, \x
        vpshufb   %ymm13, \y, \y
        vpmulhuw  %ymm8, \x, \t
        vpmulhuw  %ymm8, \y, \v
        vpmullw   %ymm9, \x, \x
        vpmullw   %ymm9, \y, \y
        vpblendvb %ymm14, \x, \t, \x
        vpblendvb %ymm14, \y, \v, \y
        vpand     %ymm10, \x, \x
        vpand     %ymm10, \y, \y
        vpmaxub   %ymm11, \x, \t
        vpmaxub   %ymm11, \y, \v
        vpcmpgtb  %ymm12, \x, \u
        vpcmpgtb  %ymm12, \y, \w
        vpsubb    \u, \t, \t
        vpsubb    \w, \v, \v
        vpshufb   \t, %ymm15, \t
        vpshufb   \v, %ymm15, \v
        vpaddb    \t, \x, \x
        vpaddb    \v, \y, \y
        .endm

        .text
        .globl hp_base64_encode_asm_avx2
        .type hp_base64_encode_asm_avx2, @function
        .p2align 5
hp_base64_encode_asm_avx2:
        .cfi_startproc
        HP_B64_ENC_ENTER
        cmp     $32, %rsi
        jb      3f

        vpbroadcastd .Lmulhi(%rip), %ymm8
        vpbroadcastd .Lmullo(%rip), %ymm9
        vpbroadcastb .L3f(%rip), %ymm10
        vpbroadcastb .L51(%rip), %ymm11
        vpbroadcastb .L25(%rip), %ymm12
        vmovdqa .Lspread(%rip), %ymm13
        vpbroadcastd .Lhigh_bytes(%rip), %ymm14
        vmovdqa .Loffsets(%rip), %ymm15

        vmovdqa .Lfirst(%rip), %ymm0
        vpermd  (%rdi), %ymm0, %ymm0
        STEP    %ymm0, %ymm1, %ymm2
        vmovdqu %ymm0, (%rdx)
        add     $24, %rdi
        add     $32, %rdx
        sub     $24, %rsi

        cmp     $100, %rsi
        jb      2f
        .p2align 4
1:      vmovdqu -4(%rdi), %ymm0         /* four steps, two pairs */
        vmovdqu 20(%rdi), %ymm3
        STEP2   %ymm0, %ymm1, %ymm2, %ymm3, %ymm4, %ymm5
        vmovdqu 44(%rdi), %ymm6
        vmovdqu 68(%rdi), %ymm1
        vmovdqu %ymm0, (%rdx)
        vmovdqu %ymm3, 32(%rdx)
        STEP2   %ymm6, %ymm7, %ymm2, %ymm1, %ymm4, %ymm5
        vmovdqu %ymm6, 64(%rdx)
        vmovdqu %ymm1, 96(%rdx)
        add     $96, %rdi
        sub     $-128, %rdx             /* -128 fits an imm8, +128 does not */
        sub     $96, %rsi
        cmp     $100, %rsi
        jae     1b
2:      cmp     $28, %rsi               /* single steps while 28 remain */
        jb      3f
        vmovdqu -4(%rdi), %ymm0
        STEP    %ymm0, %ymm1, %ymm2
        vmovdqu %ymm0, (%rdx)
        add     $24, %rdi
        add     $32, %rdx
        sub     $24, %rsi
        jmp     2b
3:      vzeroupper                      /* before the SSE-era C tail */
        call    hp_b64_enc_tail@PLT     /* rdi, rsi, rdx: the last 0..27 bytes */
        mov     %rbx, %rax
        pop     %rbx
        .cfi_adjust_cfa_offset -8
        .cfi_restore %rbx
        ret
        .cfi_endproc
        .size hp_base64_encode_asm_avx2, .-hp_base64_encode_asm_avx2
