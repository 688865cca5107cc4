/* hp_base64_decode_asm: the AVX-512 VBMI decoder (base64_decode_avx512vbmi.c)
 * written by hand.  64 characters -> 48 bytes per step:
 *   vpermi2b    looks each character up in hp_b64_value[0..127] (2 tables)
 *   vporq       with the characters: bit 7 set = a byte outside the alphabet
 *   vpmaddubsw  pairs of 6-bit values into 12 bits (x 0x40, x 1)
 *   vpmaddwd    pairs of 12 bits into 24 (x 0x1000, x 1)
 *   vpermb      gathers the 3 bytes of each dword, most significant first
 * Full steps (plain 64-byte load and store) while n - pos >= 88, which keeps
 * the store below 3*(n/4) and off the final quartet; then masked steps over
 * the rest of the body (masked-off lanes are not accessed).  It ends with a
 * tail call of hp_b64_dec_tail(src, n, pos, dst), which decodes the final
 * quartet, or finds the exact offset when a step met a bad byte.
 *
 * ptrdiff_t hp_base64_decode_asm(const char *src, size_t n, uint8_t *dst)
 *   System V: rdi = src, rsi = n, rdx = dst; the result in rax (the tail's).
 * Clobbers rax, rcx, rdx, r8-r11, k1, k2, zmm0-zmm6, and through the tail
 * any caller-saved register. */

        .section .rodata
        .p2align 6
.Lgather:       /* output byte 3l+j <- byte 2-j of dword l */
        .byte  2,  1,  0,  6,  5,  4, 10,  9,  8, 14, 13, 12
        .byte 18, 17, 16, 22, 21, 20, 26, 25, 24, 30, 29, 28
        .byte 34, 33, 32, 38, 37, 36, 42, 41, 40, 46, 45, 44
        .byte 50, 49, 48, 54, 53, 52, 58, 57, 56, 62, 61, 60
        .zero 16
.Lab_cd:        .long 0x01400140        /* a*64 + b, c*64 + d */
.Labcd:         .long 0x00011000        /* ab*4096 + cd */

        .text
        .globl hp_base64_decode_asm
        .type hp_base64_decode_asm, @function
        .p2align 5
hp_base64_decode_asm:
        .cfi_startproc
        mov     %rdx, %r10              /* r10 = dst */
        mov     %rdx, %r8               /* r8 = o, the next output byte */
        xor     %edx, %edx              /* rdx = pos, characters consumed */
        mov     hp_b64_value@GOTPCREL(%rip), %rax
        vmovdqu64 (%rax), %zmm1         /* values of characters 0..63 */
        vmovdqu64 64(%rax), %zmm2       /* and 64..127 */
        vmovdqu64 .Lgather(%rip), %zmm3
        vpbroadcastd .Lab_cd(%rip), %zmm4
        vpbroadcastd .Labcd(%rip), %zmm5

        mov     %rsi, %rax
        cmp     $88, %rax
        jb      2f
1:      vmovdqu64 (%rdi,%rdx), %zmm0
        vpermi2b %zmm2, %zmm1, %zmm0    /* zmm0 = value[char & 127] */
        vporq   (%rdi,%rdx), %zmm0, %zmm6
        vpmovb2m %zmm6, %k1
        kortestq %k1, %k1
        jnz     4f                      /* a bad byte: the tail finds it */
        vpmaddubsw %zmm4, %zmm0, %zmm0
        vpmaddwd %zmm5, %zmm0, %zmm0
        vpermb  %zmm0, %zmm3, %zmm0
        vmovdqu64 %zmm0, (%r8)
        add     $64, %rdx
        add     $48, %r8
        mov     %rsi, %rax
        sub     %rdx, %rax
        cmp     $88, %rax
        jae     1b

2:      mov     %rsi, %r9               /* r9 = body: n - n%4, less the final */
        and     $-4, %r9                /* quartet when n%4 == 0 and n > 0 */
        test    $3, %sil
        jnz     3f
        test    %rsi, %rsi
        jz      3f
        sub     $4, %r9
3:      cmp     %r9, %rdx               /* masked steps while pos < body */
        jae     4f
        mov     %r9, %rax               /* rax = take = min(64, body - pos) */
        sub     %rdx, %rax
        mov     $64, %r11d
        cmp     %r11, %rax
        cmova   %r11, %rax
        mov     $64, %ecx               /* k1 = the low `take` lanes */
        sub     %eax, %ecx
        mov     $-1, %r11
        shr     %cl, %r11
        kmovq   %r11, %k1
        vmovdqu8 (%rdi,%rdx), %zmm6{%k1}{z}
        vmovdqa64 %zmm6, %zmm0
        vpermi2b %zmm2, %zmm1, %zmm0
        vporq   %zmm6, %zmm0, %zmm6
        vpmovb2m %zmm6, %k2
        ktestq  %k1, %k2                /* a bad byte among the `take` lanes? */
        jnz     4f
        vpmaddubsw %zmm4, %zmm0, %zmm0
        vpmaddwd %zmm5, %zmm0, %zmm0
        vpermb  %zmm0, %zmm3, %zmm0
        add     %rax, %rdx              /* pos += take */
        shr     $2, %eax                /* r11 = out = take/4*3 */
        lea     (%rax,%rax,2), %r11d
        mov     $64, %ecx               /* k1 = the low `out` lanes */
        sub     %r11d, %ecx
        mov     $-1, %rax
        shr     %cl, %rax
        kmovq   %rax, %k1
        vmovdqu8 %zmm0, (%r8){%k1}
        add     %r11, %r8
        jmp     3b

4:      mov     %r10, %rcx              /* hp_b64_dec_tail(src, n, pos, dst) */
        vzeroupper
        jmp     hp_b64_dec_tail@PLT
        .cfi_endproc
        .size hp_base64_decode_asm, .-hp_base64_decode_asm
