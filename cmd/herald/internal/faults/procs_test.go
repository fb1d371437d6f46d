//go:build faults

package faults

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildHerald builds the herald binary into dir.
func buildHerald(t testing.TB, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "herald")
	start := time.Now()
	out, err := exec.Command("go", "build", "-o", bin, "github.com/heraldhq/herald/cmd/herald").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built %s in %s", bin, time.Since(start).Round(time.Millisecond))
	return bin
}

// process is one `herald serve` child process.
type process struct {
	name string
	role string
	addr string
	cmd  *exec.Cmd
	log  string
	done chan struct{}
	err  error
}

// processes starts and stops herald processes with a shared environment.
type processes struct {
	t   testing.TB
	bin string
	dir string
	env map[string]string
	all []*process
}

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// start runs `herald serve --role=role` and waits until it is ready.
func (ps *processes) start(name, role string, extra map[string]string) *process {
	ps.t.Helper()
	p := &process{name: name, role: role, addr: freeAddr(ps.t), log: filepath.Join(ps.dir, name+".log"), done: make(chan struct{})}
	logFile, err := os.Create(p.log)
	if err != nil {
		ps.t.Fatal(err)
	}
	p.cmd = exec.Command(ps.bin, "serve", "--role="+role, "--addr="+p.addr)
	p.cmd.Env = os.Environ()
	for k, v := range ps.env {
		p.cmd.Env = append(p.cmd.Env, k+"="+v)
	}
	for k, v := range extra {
		p.cmd.Env = append(p.cmd.Env, k+"="+v)
	}
	p.cmd.Stdout, p.cmd.Stderr = logFile, logFile
	if err := p.cmd.Start(); err != nil {
		ps.t.Fatalf("start %s: %v", name, err)
	}
	go func() {
		p.err = p.cmd.Wait()
		logFile.Close()
		close(p.done)
	}()
	ps.all = append(ps.all, p)
	ps.waitReady(p)
	return p
}

func (ps *processes) waitReady(p *process) {
	ps.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			ps.t.Fatalf("%s exited before it was ready: %v\n%s", p.name, p.err, p.tail(40))
		default:
		}
		resp, err := http.Get("http://" + p.addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	ps.t.Fatalf("%s not ready after a minute\n%s", p.name, p.tail(40))
}

func (p *process) pid() int { return p.cmd.Process.Pid }

func (p *process) alive() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *process) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// stop asks the process to shut down gracefully, then kills it.
func (p *process) stop(timeout time.Duration) {
	if !p.alive() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(timeout):
		p.kill()
	}
}

// tail returns the last n lines of the process's log.
func (p *process) tail(n int) string {
	b, _ := os.ReadFile(p.log)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return fmt.Sprintf("--- %s (%s, %s) ---\n%s", p.name, p.role, p.log, strings.Join(lines, "\n"))
}

// stopAll stops every process still running, at once.
func (ps *processes) stopAll() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for _, p := range ps.all {
		if p.alive() {
			_ = p.cmd.Process.Signal(syscall.SIGTERM)
		}
	}
	for _, p := range ps.all {
		select {
		case <-p.done:
		case <-ctx.Done():
			p.kill()
		}
	}
}
