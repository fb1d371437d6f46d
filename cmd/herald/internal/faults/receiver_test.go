//go:build faults

package faults

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/heraldhq/herald/providers/webhook"
)

// mode is how the receiver answers.
type mode int32

const (
	// modeOK accepts: it records the delivery id as received, then answers
	// 204 after okDelay (a receiver that processes, then answers).
	modeOK mode = iota
	// modeSlow accepts like modeOK but answers after slowDelay, so that
	// many deliveries are mid-call at once (for the kill and the Postgres
	// stop).
	modeSlow
	// modeHang never answers: the request waits until Herald gives up.
	modeHang
	// mode5xx answers 503.
	mode5xx
	// mode429 answers 429 with Retry-After: 1.
	mode429
	// modeDrop closes the connection without answering.
	modeDrop
	numModes
)

func (m mode) String() string {
	return [...]string{"ok", "slow", "hang", "5xx", "429", "drop"}[m]
}

const (
	okDelay   = 2 * time.Millisecond
	slowDelay = 400 * time.Millisecond
)

// receiver is the webhook endpoint every delivery goes to. It honours the
// Idempotency-Key the way a careful receiver does: it counts how often it
// accepted each delivery id, so repeats are visible.
type receiver struct {
	srv     *httptest.Server
	port    int
	mode    atomic.Int32
	secret  atomic.Pointer[[]byte]
	closing chan struct{}
	// late is the answer time past which an accepted delivery counts as
	// answered too late (Herald may have given up and will send again).
	late time.Duration

	mu       sync.Mutex
	accepted map[string]int          // delivery id -> times accepted
	inflight map[string]map[int]bool // delivery id -> client ports of accepted requests not yet answered
	requests [numModes]int           // requests answered in each mode
	lateIDs  map[string]bool         // accepted, then answered after late
	badSigs  int                     // requests whose Herald-Signature did not verify
	noKey    int                     // requests without an Idempotency-Key
}

func newReceiver(late time.Duration) *receiver {
	r := &receiver{
		closing: make(chan struct{}), late: late,
		accepted: map[string]int{}, inflight: map[string]map[int]bool{}, lateIDs: map[string]bool{},
	}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	r.port = r.srv.Listener.Addr().(*net.TCPAddr).Port
	return r
}

func (r *receiver) url() string { return r.srv.URL + "/hook" }

func (r *receiver) setMode(m mode) { r.mode.Store(int32(m)) }

func (r *receiver) setSecret(s []byte) { r.secret.Store(&s) }

func (r *receiver) close() {
	close(r.closing)
	r.srv.CloseClientConnections()
	r.srv.Close()
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	start := time.Now()
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return
	}
	id := req.Header.Get(webhook.IdempotencyHeader)
	m := mode(r.mode.Load())
	r.mu.Lock()
	r.requests[m]++
	if id == "" {
		r.noKey++
	}
	if s := r.secret.Load(); s != nil && webhook.Verify(*s, req.Header.Get(webhook.SignatureHeader), body, time.Now(), 0) != nil {
		r.badSigs++
	}
	r.mu.Unlock()

	switch m {
	case modeHang:
		select {
		case <-req.Context().Done():
		case <-r.closing:
		}
		return
	case mode5xx:
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	case mode429:
		w.Header().Set("Retry-After", "1")
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	case modeDrop:
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return
	}

	// Accepted: recorded before the answer, as a receiver that processes
	// then answers would.
	_, portStr, _ := net.SplitHostPort(req.RemoteAddr)
	port, _ := strconv.Atoi(portStr)
	r.mu.Lock()
	r.accepted[id]++
	if r.inflight[id] == nil {
		r.inflight[id] = map[int]bool{}
	}
	r.inflight[id][port] = true
	r.mu.Unlock()
	delay := okDelay
	if m == modeSlow {
		delay = slowDelay
	}
	select {
	case <-time.After(delay):
	case <-r.closing:
	}
	r.mu.Lock()
	delete(r.inflight[id], port)
	if len(r.inflight[id]) == 0 {
		delete(r.inflight, id)
	}
	if time.Since(start) >= r.late {
		r.lateIDs[id] = true
	}
	r.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// inflightByPID returns, for each of pids, the delivery ids whose accepted
// request that process is waiting on the answer to.
func (r *receiver) inflightByPID(pids []int) map[int][]string {
	r.mu.Lock()
	ports := map[int]string{}
	for id, ps := range r.inflight {
		for p := range ps {
			ports[p] = id
		}
	}
	r.mu.Unlock()
	owners := socketOwners(r.port, pids)
	out := map[int][]string{}
	for port, id := range ports {
		if pid, ok := owners[port]; ok {
			out[pid] = append(out[pid], id)
		}
	}
	return out
}

type receiverCounts struct {
	accepted   map[string]int
	requests   [numModes]int
	late       int
	badSigs    int
	noKey      int
	duplicates int
	maxPerID   int
}

func (r *receiver) counts() receiverCounts {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := receiverCounts{accepted: make(map[string]int, len(r.accepted)), requests: r.requests,
		late: len(r.lateIDs), badSigs: r.badSigs, noKey: r.noKey}
	for id, n := range r.accepted {
		c.accepted[id] = n
		c.duplicates += n - 1
		c.maxPerID = max(c.maxPerID, n)
	}
	return c
}

func (c receiverCounts) String() string {
	var parts []string
	for m := range numModes {
		parts = append(parts, fmt.Sprintf("%s=%d", m, c.requests[m]))
	}
	return "requests answered " + strings.Join(parts, " ")
}

// socketOwners maps the local port of each loopback TCP connection to
// remotePort to the process, among pids, that holds it: Linux's
// /proc/net/tcp gives the socket inode, each process's fd directory the
// owner.
func socketOwners(remotePort int, pids []int) map[int]int {
	inodes := map[string]int{} // socket inode -> local port
	for _, file := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) < 10 {
				continue
			}
			local, remote := hexPort(f[1]), hexPort(f[2])
			if remote == remotePort && local > 0 {
				inodes[f[9]] = local
			}
		}
	}
	out := map[int]int{}
	for _, pid := range pids {
		dir := fmt.Sprintf("/proc/%d/fd", pid)
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			link, err := os.Readlink(dir + "/" + e.Name())
			if err != nil {
				continue
			}
			inode, ok := strings.CutPrefix(link, "socket:[")
			if !ok {
				continue
			}
			if port, ok := inodes[strings.TrimSuffix(inode, "]")]; ok {
				out[port] = pid
			}
		}
	}
	return out
}

// hexPort reads the port of a /proc/net/tcp address ("0100007F:1F90").
func hexPort(addr string) int {
	_, p, ok := strings.Cut(addr, ":")
	if !ok {
		return 0
	}
	n, err := strconv.ParseUint(p, 16, 16)
	if err != nil {
		return 0
	}
	return int(n)
}
