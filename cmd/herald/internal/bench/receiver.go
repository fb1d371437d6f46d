package bench

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// receiver is the loopback webhook endpoint deliveries go to. It records
// when each delivery first arrived (repeats of an Idempotency-Key are
// counted, not recorded again) and can answer slowly.
type receiver struct {
	srv   *http.Server
	url   string
	delay time.Duration

	mu      sync.Mutex
	arrived map[string]time.Time // by notification id, first delivery
	seen    map[string]bool      // by delivery id
	repeats int
	total   int
	last    time.Time // when the latest new delivery arrived
	waiters []waiter
}

type waiter struct {
	n  int
	ch chan struct{}
}

func newReceiver(delay time.Duration) (*receiver, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &receiver{url: "http://" + ln.Addr().String() + "/hook", delay: delay, arrived: map[string]time.Time{}, seen: map[string]bool{}}
	r.srv = &http.Server{Handler: http.HandlerFunc(r.serve), ReadHeaderTimeout: 10 * time.Second}
	go r.srv.Serve(ln) //nolint:errcheck // stops with Close
	return r, nil
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	now := time.Now()
	var p struct {
		ID             string `json:"id"`
		NotificationID string `json:"notificationId"`
	}
	body, _ := io.ReadAll(req.Body)
	_ = json.Unmarshal(body, &p)
	if r.delay > 0 {
		time.Sleep(r.delay)
	}
	r.mu.Lock()
	if r.seen[p.ID] {
		r.repeats++
	} else {
		r.seen[p.ID] = true
		r.total++
		r.last = now
		if _, ok := r.arrived[p.NotificationID]; !ok {
			r.arrived[p.NotificationID] = now
		}
		kept := r.waiters[:0]
		for _, wt := range r.waiters {
			if r.total >= wt.n {
				close(wt.ch)
			} else {
				kept = append(kept, wt)
			}
		}
		r.waiters = kept
	}
	r.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// wait returns when n distinct deliveries have arrived, or ctx ends.
func (r *receiver) wait(ctx context.Context, n int) error {
	r.mu.Lock()
	if r.total >= n {
		r.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	r.waiters = append(r.waiters, waiter{n: n, ch: ch})
	r.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		r.mu.Lock()
		defer r.mu.Unlock()
		return &timeoutError{got: r.total, want: n}
	}
}

func (r *receiver) counts() (total, repeats int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.total, r.repeats
}

func (r *receiver) arrival(notificationID string) (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t, ok := r.arrived[notificationID]
	return t, ok
}

// lastArrival is when the latest new delivery arrived.
func (r *receiver) lastArrival() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}

func (r *receiver) close() { _ = r.srv.Close() }

type timeoutError struct{ got, want int }

func (e *timeoutError) Error() string {
	return "timed out with " + itoa(e.got) + " of " + itoa(e.want) + " deliveries"
}

func itoa(i int) string { return strconv.Itoa(i) }
