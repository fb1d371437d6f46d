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

// meter samples a process's CPU time and peak RSS over a scenario.
type meter struct {
	pid   int // 0: this process
	start time.Time
	cpu0  float64
}

func newMeter(pid int) *meter {
	m := &meter{pid: pid}
	m.resetPeak()
	m.start, m.cpu0 = time.Now(), m.cpuSeconds()
	return m
}

func (m *meter) done() Process {
	wall := time.Since(m.start).Seconds()
	cpu := m.cpuSeconds() - m.cpu0
	return Process{CPUSeconds: cpu, CPUCores: cpu / wall, PeakRSSMB: m.peakRSSMB()}
}

func (m *meter) procPath(file string) string {
	if m.pid == 0 {
		return "/proc/self/" + file
	}
	return fmt.Sprintf("/proc/%d/%s", m.pid, file)
}

func (m *meter) cpuSeconds() float64 {
	if m.pid == 0 {
		var ru syscall.Rusage
		if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
			return 0
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	b, err := os.ReadFile(m.procPath("stat"))
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
func (m *meter) resetPeak() {
	_ = os.WriteFile(m.procPath("clear_refs"), []byte("5"), 0)
}

func (m *meter) peakRSSMB() float64 {
	b, err := os.ReadFile(m.procPath("status"))
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
