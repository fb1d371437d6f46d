package enqueue

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/heraldhq/herald/store"
)

// waker sends River's insert notification for the batcher's jobs after
// their statement committed, at most once per interval: a NOTIFY inside
// the accepting statement would make its commit take Postgres' database-
// wide notify lock, and lanes cannot fetch faster than their cooldown
// anyway. Queues woken during the interval are notified at its end, so no
// insert waits for a lane's poll.
type waker struct {
	store    *store.Store
	interval time.Duration
	logger   *slog.Logger

	mu     sync.Mutex
	queues map[string]struct{}
	kick   chan struct{}
}

func newWaker(st *store.Store, interval time.Duration, logger *slog.Logger) *waker {
	return &waker{store: st, interval: interval, logger: logger, queues: map[string]struct{}{}, kick: make(chan struct{}, 1)}
}

// wake asks for queues to be notified.
func (w *waker) wake(queues []string) {
	if len(queues) == 0 {
		return
	}
	w.mu.Lock()
	for _, q := range queues {
		w.queues[q] = struct{}{}
	}
	w.mu.Unlock()
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// run notifies until stop is closed, and once more then for what is left.
func (w *waker) run(stop <-chan struct{}) {
	for {
		select {
		case <-w.kick:
		case <-stop:
			w.notify()
			return
		}
		w.notify()
		select {
		case <-time.After(w.interval):
		case <-stop:
			w.notify()
			return
		}
	}
}

func (w *waker) notify() {
	w.mu.Lock()
	queues := make([]string, 0, len(w.queues))
	for q := range w.queues {
		queues = append(queues, q)
	}
	clear(w.queues)
	w.mu.Unlock()
	if len(queues) == 0 {
		return
	}
	slices.Sort(queues)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// A lost notification only delays: the lanes also poll.
	if err := store.New(w.store.Pool()).NotifyJobsInserted(ctx, queues); err != nil {
		w.logger.Warn("enqueue: waking lanes", "queues", queues, "err", err)
	}
}
