package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// clockTicks is Linux's USER_HZ, the unit of /proc/<pid>/stat CPU times on
// every architecture Herald builds for.
const clockTicks = 100

// meter samples processes' CPU time and peak RSS over a scenario: summed
// over the processes (the peaks may not coincide, so their sum bounds the
// combined peak from above).
type meter struct {
	pids  []int // none: this process
	start time.Time
	cpu0  float64
}

func newMeter(pids ...int) *meter {
	m := &meter{pids: pids}
	if len(m.pids) == 0 {
		m.pids = []int{0}
	}
	for _, pid := range m.pids {
		resetPeak(pid)
	}
	m.start, m.cpu0 = time.Now(), m.cpuSeconds()
	return m
}

func (m *meter) done() Process {
	wall := time.Since(m.start).Seconds()
	cpu := m.cpuSeconds() - m.cpu0
	var rss float64
	for _, pid := range m.pids {
		rss += peakRSSMB(pid)
	}
	return Process{CPUSeconds: cpu, CPUCores: cpu / wall, PeakRSSMB: rss}
}

func (m *meter) cpuSeconds() float64 {
	var sum float64
	for _, pid := range m.pids {
		sum += cpuSeconds(pid)
	}
	return sum
}

// procPath is a /proc file of pid, 0 being this process.
func procPath(pid int, file string) string {
	if pid == 0 {
		return "/proc/self/" + file
	}
	return fmt.Sprintf("/proc/%d/%s", pid, file)
}

func cpuSeconds(pid int) float64 {
	if pid == 0 {
		var ru syscall.Rusage
		if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
			return 0
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	b, err := os.ReadFile(procPath(pid, "stat"))
	if err != nil {
		return 0
	}
	// Fields after the command name (which may contain spaces).
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / clockTicks
}

// resetPeak starts a new peak-RSS measurement (Linux clear_refs).
func resetPeak(pid int) {
	_ = os.WriteFile(procPath(pid, "clear_refs"), []byte("5"), 0)
}

func peakRSSMB(pid int) float64 {
	b, err := os.ReadFile(procPath(pid, "status"))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
