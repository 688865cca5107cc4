/* Milestone 5: the calling convention.  hp_cc_call8 must pass eight
 * arguments the System V way with an aligned stack, hp_cc_callee_saved must
 * give back every callee-saved register, and both must carry CFI that lets
 * an unwinder walk through them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <execinfo.h>

#include "syscall.h"

/* Test probes in assembly, so they see the registers and the stack exactly
 * as the callee of hp_cc_call8 does:
 *  - probe_rsp_mod16: rsp modulo 16 just before the call that entered it
 *    (entry rsp + 8), which the ABI requires to be 0;
 *  - probe_arg7 / probe_arg8: the stack arguments, at 8(%rsp) and 16(%rsp);
 *  - check_callee_saved(fn, x, &result): loads known values into rbx, rbp,
 *    r12-r15, calls fn(x), stores its result and returns a bit mask of the
 *    registers that changed (bit 0 rbx, 1 rbp, 2 r12 ... 5 r15), restoring
 *    the real ones before it returns;
 *  - bad_clobbers_rbx: breaks the rule on purpose, so the harness is seen
 *    to catch it. */
__asm__(".text\n"
        ".globl hp_test_probe_rsp_mod16\n"
        ".type hp_test_probe_rsp_mod16, @function\n"
        "hp_test_probe_rsp_mod16:\n"
        "  .cfi_startproc\n"
        "  leaq 8(%rsp), %rax\n"
        "  andl $15, %eax\n"
        "  ret\n"
        "  .cfi_endproc\n"
        ".globl hp_test_probe_arg7\n"
        ".type hp_test_probe_arg7, @function\n"
        "hp_test_probe_arg7:\n"
        "  .cfi_startproc\n"
        "  movq 8(%rsp), %rax\n"
        "  ret\n"
        "  .cfi_endproc\n"
        ".globl hp_test_probe_arg8\n"
        ".type hp_test_probe_arg8, @function\n"
        "hp_test_probe_arg8:\n"
        "  .cfi_startproc\n"
        "  movq 16(%rsp), %rax\n"
        "  ret\n"
        "  .cfi_endproc\n"
        ".globl hp_test_bad_clobbers_rbx\n"
        ".type hp_test_bad_clobbers_rbx, @function\n"
        "hp_test_bad_clobbers_rbx:\n"
        "  .cfi_startproc\n"
        "  movq %rdi, %rbx\n"
        "  movq %rdi, %rax\n"
        "  ret\n"
        "  .cfi_endproc\n"
        ".globl hp_test_check_callee_saved\n"
        ".type hp_test_check_callee_saved, @function\n"
        "hp_test_check_callee_saved:\n"
        "  .cfi_startproc\n"
        "  pushq %rbx\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %rbx, 0\n"
        "  pushq %rbp\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %rbp, 0\n"
        "  pushq %r12\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %r12, 0\n"
        "  pushq %r13\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %r13, 0\n"
        "  pushq %r14\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %r14, 0\n"
        "  pushq %r15\n  .cfi_adjust_cfa_offset 8\n  .cfi_rel_offset %r15, 0\n"
        "  pushq %rdx\n  .cfi_adjust_cfa_offset 8\n" /* &result; rsp is now 16k */
        "  movq %rdi, %rax\n"
        "  movq %rsi, %rdi\n"
        "  movabsq $0x1111111111111111, %rbx\n"
        "  movabsq $0x2222222222222222, %rbp\n"
        "  movabsq $0x3333333333333333, %r12\n"
        "  movabsq $0x4444444444444444, %r13\n"
        "  movabsq $0x5555555555555555, %r14\n"
        "  movabsq $0x6666666666666666, %r15\n"
        "  call *%rax\n"
        "  popq %rdx\n  .cfi_adjust_cfa_offset -8\n"
        "  movq %rax, (%rdx)\n"
        "  xorl %eax, %eax\n"
        "  movabsq $0x1111111111111111, %rcx\n  cmpq %rcx, %rbx\n  je 1f\n  orl $1, %eax\n1:\n"
        "  movabsq $0x2222222222222222, %rcx\n  cmpq %rcx, %rbp\n  je 1f\n  orl $2, %eax\n1:\n"
        "  movabsq $0x3333333333333333, %rcx\n  cmpq %rcx, %r12\n  je 1f\n  orl $4, %eax\n1:\n"
        "  movabsq $0x4444444444444444, %rcx\n  cmpq %rcx, %r13\n  je 1f\n  orl $8, %eax\n1:\n"
        "  movabsq $0x5555555555555555, %rcx\n  cmpq %rcx, %r14\n  je 1f\n  orl $16, %eax\n1:\n"
        "  movabsq $0x6666666666666666, %rcx\n  cmpq %rcx, %r15\n  je 1f\n  orl $32, %eax\n1:\n"
        "  popq %r15\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %r15\n"
        "  popq %r14\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %r14\n"
        "  popq %r13\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %r13\n"
        "  popq %r12\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %r12\n"
        "  popq %rbp\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %rbp\n"
        "  popq %rbx\n  .cfi_adjust_cfa_offset -8\n  .cfi_restore %rbx\n"
        "  ret\n"
        "  .cfi_endproc\n");

int64_t hp_test_probe_rsp_mod16(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t,
                                int64_t);
int64_t hp_test_probe_arg7(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t,
                           int64_t);
int64_t hp_test_probe_arg8(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t,
                           int64_t);
uint64_t hp_test_bad_clobbers_rbx(uint64_t x);
unsigned hp_test_check_callee_saved(uint64_t (*fn)(uint64_t), uint64_t x, uint64_t *result);

static void call8_passes_eight_arguments(void **state)
{
    (void)state;
    const int64_t small[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    assert_int_equal(hp_cc_call8(hp_cc_weigh8, small), 204); /* sum of i * i */
    const int64_t big[8] = {INT64_MAX, -1, 1 << 20, -(1 << 30), 0x123456789, -7, 1, INT64_MIN};
    assert_int_equal(hp_cc_call8(hp_cc_weigh8, big),
                     hp_cc_weigh8(big[0], big[1], big[2], big[3], big[4], big[5], big[6],
                                  big[7]));
    /* each position separately: a swapped pair would change the weight */
    for (int i = 0; i < 8; i++) {
        int64_t one[8] = {0};
        one[i] = 1000;
        assert_int_equal(hp_cc_call8(hp_cc_weigh8, one), 1000 * (i + 1));
    }
    assert_int_equal(hp_cc_call8(hp_test_probe_arg7, small), 7);
    assert_int_equal(hp_cc_call8(hp_test_probe_arg8, small), 8);
}

static void call8_aligns_the_stack(void **state)
{
    (void)state;
    const int64_t args[8] = {0};
    assert_int_equal(hp_cc_call8(hp_test_probe_rsp_mod16, args), 0);
}

static void callee_saved_registers_survive(void **state)
{
    (void)state;
    const uint64_t xs[] = {0, 1, 42, 0x0123456789abcdefull, UINT64_MAX, 0x8000000000000000ull};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        uint64_t got = 0;
        assert_int_equal(hp_test_check_callee_saved(hp_cc_callee_saved, xs[i], &got), 0);
        assert_true(got == hp_cc_callee_saved_ref(xs[i]));
    }
    /* the harness does catch a function that breaks the rule */
    uint64_t got = 0;
    assert_int_equal(hp_test_check_callee_saved(hp_test_bad_clobbers_rbx, 5, &got), 1);
    assert_int_equal(got, 5);
}

static void *frames[32];
static int n_frames;

static int64_t record_backtrace(int64_t a1, int64_t a2, int64_t a3, int64_t a4, int64_t a5,
                                int64_t a6, int64_t a7, int64_t a8)
{
    n_frames = backtrace(frames, 32);
    return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8;
}

__attribute__((noinline)) static int64_t call_through_asm(void)
{
    const int64_t args[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    int64_t r = hp_cc_call8(record_backtrace, args);
    __asm__ __volatile__(""); /* keeps the call above from becoming a tail call */
    return r;
}

/* backtrace() unwinds with the .eh_frame CFI: without it (or with a wrong
 * CFA after the pushes) the walk would stop in hp_cc_call8 or go astray
 * instead of returning to call_through_asm. */
static void unwinds_through_call8(void **state)
{
    (void)state;
    assert_int_equal(call_through_asm(), 8);
    const uintptr_t call8 = (uintptr_t)hp_cc_call8, caller = (uintptr_t)call_through_asm;
    int at = -1;
    for (int i = 0; i < n_frames; i++)
        if ((uintptr_t)frames[i] > call8 && (uintptr_t)frames[i] < call8 + 128) {
            at = i;
            break;
        }
    assert_true(at >= 0);
    assert_true(at + 1 < n_frames);
    const uintptr_t next = (uintptr_t)frames[at + 1];
    assert_true(next > caller && next < caller + 512);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(call8_passes_eight_arguments),
        cmocka_unit_test(call8_aligns_the_stack),
        cmocka_unit_test(callee_saved_registers_survive),
        cmocka_unit_test(unwinds_through_call8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
