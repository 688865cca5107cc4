/* int64_t hp_cc_call8(hp_cc_fn8 fn, const int64_t args[8])
 *
 * Calls fn(args[0], ..., args[7]) the System V way: the first six integer
 * arguments in rdi, rsi, rdx, rcx, r8, r9; the seventh and eighth on the
 * stack, seventh at the lower address; rsp a multiple of 16 at the call.
 * fn's result comes back in rax and is returned as is.
 *
 * Clobbers what any call may: rax, rcx, rdx, rsi, rdi, r8-r11, flags and
 * the vector registers (fn may use them).  rbp is saved and restored.
 * rbp is the frame pointer, so the CFI needs one rule for the whole body
 * (CFA = rbp + 16) and gdb or a backtrace can unwind through it. */
	.text
	.globl	hp_cc_call8
	.type	hp_cc_call8, @function
	.p2align 4
hp_cc_call8:
	.cfi_startproc
	pushq	%rbp			/* entry rsp = 16k+8; now 16k */
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %rbp, 0
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	movq	%rdi, %rax		/* fn: rdi is about to hold args[0] */
	movq	%rsi, %r10		/* args */
	pushq	56(%r10)		/* args[7]: the eighth argument */
	pushq	48(%r10)		/* args[6] at 0(%rsp); two pushes keep 16k */
	movq	0(%r10), %rdi
	movq	8(%r10), %rsi
	movq	16(%r10), %rdx
	movq	24(%r10), %rcx
	movq	32(%r10), %r8
	movq	40(%r10), %r9
	call	*%rax
	leave				/* rsp = rbp; pop rbp: drops the stack arguments */
	.cfi_def_cfa %rsp, 8
	.cfi_restore %rbp
	ret
	.cfi_endproc
	.size	hp_cc_call8, .-hp_cc_call8
