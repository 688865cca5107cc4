/* uint64_t hp_cc_callee_saved(uint64_t x)
 *
 * Uses every callee-saved register of the System V ABI (rbx, rbp,
 * r12-r15) as scratch for a mix of x, the same steps as
 * hp_cc_callee_saved_ref in callconv.c, and restores them all: the caller
 * may hold live values in them across the call.
 *
 * Clobbers rax (the result) and flags only.  Each push has its CFI so an
 * unwinder finds the CFA and every saved register at any instruction. */
	.text
	.globl	hp_cc_callee_saved
	.type	hp_cc_callee_saved, @function
	.p2align 4
hp_cc_callee_saved:
	.cfi_startproc
	pushq	%rbx
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %rbx, 0
	pushq	%rbp
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %rbp, 0
	pushq	%r12
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %r12, 0
	pushq	%r13
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %r13, 0
	pushq	%r14
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %r14, 0
	pushq	%r15
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %r15, 0

	movabsq	$0x0123456789abcdef, %rbx
	xorq	%rdi, %rbx		/* rbx = x ^ 0x0123456789abcdef */
	leaq	1(%rbx,%rbx,2), %rbp	/* rbp = rbx * 3 + 1 */
	movq	%rbp, %r12
	rolq	$13, %r12		/* r12 = rbp rotated left by 13 */
	leaq	(%r12,%rbx), %r13	/* r13 = r12 + rbx */
	movq	%r13, %r14
	xorq	%rbp, %r14		/* r14 = r13 ^ rbp */
	leaq	(%r14,%r14,4), %r15	/* r15 = r14 * 5 */
	leaq	(%rbx,%rbp), %rax
	addq	%r12, %rax
	addq	%r13, %rax
	addq	%r14, %rax
	addq	%r15, %rax		/* rax = the sum of all six */

	popq	%r15
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r15
	popq	%r14
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r14
	popq	%r13
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r13
	popq	%r12
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r12
	popq	%rbp
	.cfi_adjust_cfa_offset -8
	.cfi_restore %rbp
	popq	%rbx
	.cfi_adjust_cfa_offset -8
	.cfi_restore %rbx
	ret
	.cfi_endproc
	.size	hp_cc_callee_saved, .-hp_cc_callee_saved
