/*
 * canary.c: the canary each task holds in all 16 YMM registers, and the asm
 * window that holds it across the system calls that provoke the kernel.
 * Everything that touches a vector register on purpose is here, behind the
 * CPUID + XGETBV check that must say yes before any of it runs.
 */
#include "sigvec.h"

#if SIGVEC_X86_LINUX

#include <cpuid.h>
#include <string.h>

/* The spin calibration: long enough to swamp the clock's own cost, best
 * of a few to skip a preemption. */
#define CALIBRATION_SPINS 200000
#define CALIBRATION_TRIES 5

uint16_t run_nonce;
uint32_t ymm_hi_offset;
double spins_per_us;

/*
 * Canary lane (8 bytes): A5, reg<<4|lane, run nonce (2), task tag (2), 5A,
 * checksum. Every lane names its owner and slot, so a leaked value is
 * attributable even when only half a register was swapped.
 */
void encode_lane(uint8_t *out, unsigned tag, unsigned reg,
			unsigned lane)
{
	uint8_t sum = 0xC3;
	out[0] = 0xA5;
	out[1] = (uint8_t)(reg << 4 | lane);
	out[2] = (uint8_t)run_nonce;
	out[3] = (uint8_t)(run_nonce >> 8);
	out[4] = (uint8_t)tag;
	out[5] = (uint8_t)(tag >> 8);
	out[6] = 0x5A;
	for (int i = 0; i < 7; i++)
		sum ^= out[i];
	out[7] = sum;
}

void make_canary(uint8_t *out, unsigned tag)
{
	for (unsigned reg = 0; reg < 16; reg++)
		for (unsigned lane = 0; lane < 4; lane++)
			encode_lane(out + reg * 32 + lane * 8, tag, reg, lane);
}

int decode_lane(const uint8_t *in, unsigned *tag, unsigned *reg,
		       unsigned *nonce)
{
	uint8_t sum = 0xC3;
	for (int i = 0; i < 7; i++)
		sum ^= in[i];
	if (in[0] != 0xA5 || in[6] != 0x5A || in[7] != sum)
		return -1;
	*reg = in[1] >> 4;
	*nonce = (unsigned)in[2] | (unsigned)in[3] << 8;
	*tag = (unsigned)in[4] | (unsigned)in[5] << 8;
	return 0;
}

#define STORE(n) "vmovdqu %%ymm" #n ", " #n "*32(%%rsi)\n\t"
#define CALL(i)                                                        \
	"movq %c[o_nr" #i "](%[w]), %%rax\n\t"                           \
	"testq %%rax, %%rax\n\t"                                         \
	"js 3f\n\t"                                                      \
	"movq %c[o_a1" #i "](%[w]), %%rdi\n\t"                           \
	"movq %c[o_a2" #i "](%[w]), %%rsi\n\t"                           \
	"movq %c[o_a3" #i "](%[w]), %%rdx\n\t"                           \
	"syscall\n\t"                                                    \
	"movq %%rax, %c[o_ret" #i "](%[w])\n\t"
#define CALL_OFFSETS(i)                                                        \
	[o_nr##i] "i"(offsetof(struct window, call[i].nr)),                    \
	[o_a1##i] "i"(offsetof(struct window, call[i].a1)),                    \
	[o_a2##i] "i"(offsetof(struct window, call[i].a2)),                    \
	[o_a3##i] "i"(offsetof(struct window, call[i].a3)),                    \
	[o_ret##i] "i"(offsetof(struct window, call[i].ret))

/*
 * Load, spin, call and snapshot live in one asm block so the compiler can
 * never spill, reuse or reload a vector register while the canaries are held:
 * whatever is in the registers at the end is what the kernel gave back. The
 * system calls in the middle are how a window provokes the kernel: the
 * checker releases its signal stack and signals itself (the signal is
 * delivered on the way out of tgkill, with the canaries live), the uffd
 * competitor fills the held page with its own canaries in the registers.
 * The compare is done afterwards on the snapshot, so the bytes reported are
 * exactly the bytes that failed.
 */
__attribute__((noinline)) void run_window(struct window *w)
{
	__asm__ volatile(
		"movq %c[o_canary](%[w]), %%rsi\n\t"
		ALL16(LOAD)
		"movq %c[o_live](%[w]), %%rdi\n\t"
		"movl $1, (%%rdi)\n\t"
		"rdtsc\n\t"
		"shlq $32, %%rdx\n\t"
		"orq %%rdx, %%rax\n\t"
		"movq %%rax, %%r8\n\t"
		"movq %c[o_sb](%[w]), %%rcx\n\t"
		"testq %%rcx, %%rcx\n\t"
		"jz 2f\n"
		"1:\n\t"
		"decq %%rcx\n\t"
		"jnz 1b\n"
		"2:\n\t"
		CALL(0) CALL(1) CALL(2)
		"3:\n\t"
		"movq %c[o_sa](%[w]), %%rcx\n\t"
		"testq %%rcx, %%rcx\n\t"
		"jz 5f\n"
		"4:\n\t"
		"decq %%rcx\n\t"
		"jnz 4b\n"
		"5:\n\t"
		"movq %c[o_obs](%[w]), %%rsi\n\t"
		ALL16(STORE)
		"rdtsc\n\t"
		"shlq $32, %%rdx\n\t"
		"orq %%rdx, %%rax\n\t"
		"subq %%r8, %%rax\n\t"
		"movq %%rax, %c[o_cyc](%[w])\n\t"
		"movq %c[o_live](%[w]), %%rdi\n\t"
		"movl $0, (%%rdi)\n\t"
		"vzeroupper\n\t"
		:
		: [w] "r"(w),
		  [o_canary] "i"(offsetof(struct window, canary)),
		  [o_obs] "i"(offsetof(struct window, observed)),
		  [o_live] "i"(offsetof(struct window, live)),
		  [o_sb] "i"(offsetof(struct window, spins_before)),
		  [o_sa] "i"(offsetof(struct window, spins_after)),
		  CALL_OFFSETS(0), CALL_OFFSETS(1), CALL_OFFSETS(2),
		  [o_cyc] "i"(offsetof(struct window, cycles))
		: "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
		  "cc", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
		  "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
		  "xmm12", "xmm13", "xmm14", "xmm15");
}

/* Registers whose snapshot differs from the canary, one bit each. */
uint32_t changed_registers(const uint8_t *canary, const uint8_t *observed)
{
	uint32_t mask = 0;
	for (unsigned r = 0; r < 16; r++)
		if (memcmp(canary + r * 32, observed + r * 32, 32))
			mask |= 1u << r;
	return mask;
}

/* A window that makes no system call. */
struct window quiet_window(const uint8_t *canary, uint8_t *observed,
				  volatile int *live)
{
	struct window w = { .canary = canary, .observed = observed,
			    .live = live };
	for (unsigned i = 0; i < WINDOW_CALLS; i++)
		w.call[i].nr = -1;
	return w;
}

/* CPUID + XGETBV first: no AVX instruction may run before this says yes. */
int check_avx(char *why, size_t len)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d)) {
		snprintf(why, len, "CPUID leaf 1 unavailable");
		return -1;
	}
	if (!(c & bit_AVX)) {
		snprintf(why, len, "CPU has no AVX");
		return -1;
	}
	if (!(c & bit_OSXSAVE)) {
		snprintf(why, len, "OS has not enabled XSAVE (OSXSAVE clear)");
		return -1;
	}
	uint32_t lo, hi;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	if ((lo & XFEATURE_SSE_YMM) != XFEATURE_SSE_YMM) {
		snprintf(why, len, "OS has not enabled YMM state (XCR0=0x%x)", lo);
		return -1;
	}
	if (__get_cpuid_max(0, NULL) >= 0xD) {
		__cpuid_count(0xD, 2, a, b, c, d);
		if (a == 256)
			ymm_hi_offset = b;
	}
	return 0;
}

double calibrate_spins_per_us(void)
{
	static uint8_t canary[CANARY_BYTES] __attribute__((aligned(32)));
	static uint8_t observed[CANARY_BYTES] __attribute__((aligned(32)));
	volatile int live = 0;
	const uint64_t spins = CALIBRATION_SPINS;
	int64_t best = INT64_MAX;
	for (int i = 0; i < CALIBRATION_TRIES; i++) {
		struct window w = quiet_window(canary, observed, &live);
		w.spins_before = spins;
		int64_t t0 = now_ns();
		run_window(&w);
		int64_t dt = now_ns() - t0;
		if (dt < best)
			best = dt;
	}
	return best > 0 ? (double)spins * 1000.0 / (double)best : 1000.0;
}

#endif /* SIGVEC_X86_LINUX */
