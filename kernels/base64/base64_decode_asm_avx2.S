/* hp_base64_decode_asm_avx2: the AVX2 decoder (base64_decode_avx2.c)
 * written by hand.  32 characters -> 24 bytes per step:
 *   vpsrld, vpand  hi = (c >> 4) & 0x2F, lo = c & 0x2F (0x2F: '/' too)
 *   vpshufb x2     lut_lo[lo] & lut_hi[hi] != 0: c is outside the alphabet
 *   vpcmpeqb, vpaddb, vpshufb, vpaddb   value = c + roll[hi + (c == '/')]
 *   vpmaddubsw     pairs of 6-bit values into 12 bits (x 0x40, x 1)
 *   vpmaddwd       pairs of 12 bits into 24 (x 0x1000, x 1)
 *   vpshufb        per lane the 3 bytes of each dword, most significant first
 *   vpermd         the two lanes' 12 bytes together
 * Two steps per iteration, each tested by its own vptest and branch (the
 * compiler merges the two tests' flags with setcc first).  A step
 * stores 32 bytes for 24, so full steps run while n - pos >= 44 (76 for
 * two), which keeps the store below 3*(n/4) and off the final quartet.
 * It ends with a tail call of hp_b64_dec_tail(src, n, pos, dst), which
 * decodes the rest, or finds the exact offset when a step met a bad byte.
 *
 * ptrdiff_t hp_base64_decode_asm_avx2(const char *src, size_t n, uint8_t *dst)
 *   System V: rdi = src, rsi = n, rdx = dst; the result in rax (the tail's).
 * Clobbers rax, rcx, rdx, r8, ymm0-ymm15, and through the tail any
 * caller-saved register. */

        .section .rodata
        .p2align 5
.Llut_lo:       /* by low nibble: bit set = no character with it is valid */
        .byte 0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11
        .byte 0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A
        .byte 0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11
        .byte 0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A
.Llut_hi:       /* by high nibble: the bit its valid characters clear */
        .byte 0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08
        .byte 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10
        .byte 0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08
        .byte 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10
.Lroll:         /* value - character by high nibble ('/' at index 1) */
        .byte 0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0
        .byte 0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0
.Lgather:       /* per lane: bytes 2 1 0 of each dword, 4 unused at the end */
        .byte 2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1
        .byte 2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1
.Llanes:        /* vpermd: lane 0's 3 dwords, lane 1's 3, then the rest */
        .long 0, 1, 2, 4, 5, 6, 3, 7
.Lab_cd:        .long 0x01400140        /* a*64 + b, c*64 + d */
.Labcd:         .long 0x00011000        /* ab*4096 + cd */
.L2f:           .byte 0x2F

/* Characters \c -> values in \c, then ZF = 1 iff every character is in
 * the alphabet (lut_lo[lo] & lut_hi[hi] == 0); \bad, \t, \u scratch. */
        .macro TRANSLATE c, bad, t, u
        vpsrld    $4, \c, \t
        vpand     %ymm8, \t, \t         /* t = hi */
        vpand     %ymm8, \c, \bad       /* bad = lo */
        vpshufb   \bad, %ymm9, \bad
        vpshufb   \t, %ymm10, \u
        vptest    \u, \bad
        vpcmpeqb  %ymm8, \c, \u         /* u = (c == '/') ? -1 : 0 */
        vpaddb    \t, \u, \u
        vpshufb   \u, %ymm11, \u        /* u = roll[hi + u] */
        vpaddb    \u, \c, \c            /* leaves the flags alone */
        .endm

/* Values \v -> 24 output bytes in its low 24 bytes. */
        .macro PACK v
        vpmaddubsw %ymm12, \v, \v
        vpmaddwd  %ymm13, \v, \v
        vpshufb   %ymm14, \v, \v
        vpermd    \v, %ymm15, \v
        .endm

        .text
        .globl hp_base64_decode_asm_avx2
        .type hp_base64_decode_asm_avx2, @function
        .p2align 5
hp_base64_decode_asm_avx2:
        .cfi_startproc
        mov     %rdx, %rcx              /* rcx = dst: the tail's 4th argument */
        mov     %rdx, %r8               /* r8 = o, the next output byte */
        xor     %edx, %edx              /* rdx = pos, characters consumed */
        cmp     $44, %rsi
        jb      4f
        vpbroadcastb .L2f(%rip), %ymm8
        vmovdqa .Llut_lo(%rip), %ymm9
        vmovdqa .Llut_hi(%rip), %ymm10
        vmovdqa .Lroll(%rip), %ymm11
        vpbroadcastd .Lab_cd(%rip), %ymm12
        vpbroadcastd .Labcd(%rip), %ymm13
        vmovdqa .Lgather(%rip), %ymm14
        vmovdqa .Llanes(%rip), %ymm15

        .p2align 4
1:      mov     %rsi, %rax              /* two steps while n - pos >= 76 */
        sub     %rdx, %rax
        cmp     $76, %rax
        jb      2f
        vmovdqu (%rdi,%rdx), %ymm0
        vmovdqu 32(%rdi,%rdx), %ymm3
        TRANSLATE %ymm0, %ymm1, %ymm2, %ymm6
        jnz     3f                      /* a bad byte: the tail finds it */
        TRANSLATE %ymm3, %ymm4, %ymm5, %ymm7
        jnz     3f
        PACK    %ymm0
        PACK    %ymm3
        vmovdqu %ymm0, (%r8)
        vmovdqu %ymm3, 24(%r8)          /* overwrites the first's 8 spare bytes */
        add     $64, %rdx
        add     $48, %r8
        jmp     1b
2:      cmp     $44, %rax               /* one step while n - pos >= 44 */
        jb      3f
        vmovdqu (%rdi,%rdx), %ymm0
        TRANSLATE %ymm0, %ymm1, %ymm2, %ymm6
        jnz     3f
        PACK    %ymm0
        vmovdqu %ymm0, (%r8)
        add     $32, %rdx
        add     $24, %r8
        sub     $32, %rax
        jmp     2b
3:      vzeroupper                      /* before the SSE-era C tail */
4:      jmp     hp_b64_dec_tail@PLT     /* (src, n, pos, dst) */
        .cfi_endproc
        .size hp_base64_decode_asm_avx2, .-hp_base64_decode_asm_avx2
