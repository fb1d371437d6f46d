package enqueue

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"time"

	"github.com/google/uuid"
	"go.opentelemetry.io/otel/trace"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/store"
)

// ErrStopped is returned by Batcher.Send once the batcher stopped.
var ErrStopped = errors.New("enqueue: batcher stopped")

// BatcherOptions configure NewBatcher. The zero value is usable.
type BatcherOptions struct {
	// MaxBatch bounds the Sends one transaction accepts. Default 64.
	MaxBatch int
	// Validated says requests arrive validated (the API's validate
	// interceptor checks them), so Send does not check them again.
	// Default false.
	Validated bool
	// Committers is how many committers take turns: one gathers a group
	// and writes it while the others wait for the turn. Default 2.
	Committers int
	// SharedFanoutMax is the most recipients a notification due now may
	// have to share one fan-out job with the others of its transaction;
	// bigger ones, topic sends and scheduled ones get a job of their own.
	// Default 100; negative shares none.
	SharedFanoutMax int
	// WakeInterval is the least time between two insert notifications
	// that wake the fan-out lanes; the lanes' fetch cooldown is the useful
	// value. Default 5ms.
	WakeInterval time.Duration
	// Logger logs what goes wrong outside a Send. Default slog.Default().
	Logger *slog.Logger
}

// Batcher accepts concurrent Sends in shared transactions (group commit):
// a committer takes every Send waiting, up to MaxBatch, and accepts them in
// one statement — notifications and fan-out jobs, committed in one round
// trip — so commits and the fan-out jobs of small notifications are
// shared. One committer writes at a time, so groups stay as big as the
// Sends that arrive meanwhile. Nothing waits on purpose: a lone Send goes
// at once. A Send returns only after its statement committed; the lanes
// are woken after that, off the Send's path.
type Batcher struct {
	enq   *Enqueuer
	store *store.Store
	opts  BatcherOptions
	queue chan *pending
	// writing is held by the committer gathering a group and writing it.
	writing chan struct{}
	waker   *waker
	stop    chan struct{}
	done    chan struct{}
}

type pending struct {
	ctx  context.Context
	a    *accept
	done chan struct{}
}

// NewBatcher returns a batcher accepting through enq on st; Start it.
func NewBatcher(enq *Enqueuer, st *store.Store, opts *BatcherOptions) *Batcher {
	o := BatcherOptions{}
	if opts != nil {
		o = *opts
	}
	if o.MaxBatch <= 0 {
		o.MaxBatch = 64
	}
	if o.Committers <= 0 {
		o.Committers = 2
	}
	if o.SharedFanoutMax == 0 {
		o.SharedFanoutMax = 100
	}
	if o.WakeInterval <= 0 {
		o.WakeInterval = 5 * time.Millisecond
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	b := &Batcher{enq: enq, store: st, opts: o, queue: make(chan *pending, o.MaxBatch*o.Committers),
		writing: make(chan struct{}, 1), waker: newWaker(st, o.WakeInterval, o.Logger), stop: make(chan struct{}), done: make(chan struct{})}
	return b
}

// Start starts the committers.
func (b *Batcher) Start() {
	finished := make(chan struct{}, b.opts.Committers)
	woken := make(chan struct{})
	wakerStop := make(chan struct{})
	go func() {
		defer close(woken)
		b.waker.run(wakerStop)
	}()
	for range b.opts.Committers {
		go func() {
			defer func() { finished <- struct{}{} }()
			b.commit()
		}()
	}
	go func() {
		for range b.opts.Committers {
			<-finished
		}
		close(wakerStop)
		<-woken
		close(b.done)
	}()
}

// Stop lets the committers finish the Sends they hold and stops them;
// Sends still queued get ErrStopped.
func (b *Batcher) Stop() {
	close(b.stop)
	<-b.done
	for {
		select {
		case p := <-b.queue:
			p.a.err = ErrStopped
			close(p.done)
		default:
			return
		}
	}
}

// Send accepts req for the tenant in a shared transaction.
func (b *Batcher) Send(ctx context.Context, tenantID uuid.UUID, req *heraldv1.SendRequest) (*Result, error) {
	a, err := b.enq.prepare(tenantID, req, !b.opts.Validated)
	if err != nil {
		return nil, err
	}
	a.trace = trace.SpanContextFromContext(ctx)
	p := &pending{ctx: ctx, a: a, done: make(chan struct{})}
	select {
	case b.queue <- p:
	case <-b.stop:
		return nil, ErrStopped
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	// Once queued, the outcome is waited for even if the caller gives up:
	// the answer must not claim less than what committed.
	<-p.done
	return a.result, a.err
}

// commit takes groups of Sends off the queue and accepts them, one
// committer at a time.
func (b *Batcher) commit() {
	for {
		select {
		case b.writing <- struct{}{}:
		case <-b.stop:
			return
		}
		var first *pending
		select {
		case first = <-b.queue:
		case <-b.stop:
			<-b.writing
			return
		}
		group := []*pending{first}
	fill:
		for len(group) < b.opts.MaxBatch {
			select {
			case p := <-b.queue:
				group = append(group, p)
			default:
				break fill
			}
		}
		b.accept(group, func() { <-b.writing })
	}
}

// accept writes a group in one statement, then calls release. If the
// statement fails, each Send it did not accept is tried again alone, so
// one bad request cannot fail the others.
func (b *Batcher) accept(group []*pending, release func()) {
	defer func() {
		for _, p := range group {
			close(p.done)
		}
	}()
	live := group[:0:0]
	for _, p := range group {
		if p.ctx.Err() != nil {
			p.a.err = p.ctx.Err() // gave up before anything was written
			continue
		}
		live = append(live, p)
	}
	defer release()
	if len(live) == 0 {
		return
	}
	ctx := context.WithoutCancel(live[0].ctx)
	as := make([]*accept, len(live))
	for i, p := range live {
		as[i] = p.a
	}
	// Outside a transaction each statement commits on its own, so what
	// has a result or an error of its own is settled.
	defer b.wake(as)
	err := b.enq.write(ctx, b.store.Pool(), as, b.opts.SharedFanoutMax, false)
	if err == nil {
		return
	}
	var left []*accept
	for _, a := range as {
		if a.result == nil && a.err == nil {
			left = append(left, a)
		}
	}
	if len(as) == 1 {
		for _, a := range left {
			reset(a, err)
		}
		return
	}
	for _, a := range left {
		reset(a, nil)
		if err := b.enq.write(ctx, b.store.Pool(), []*accept{a}, b.opts.SharedFanoutMax, false); err != nil && a.result == nil {
			reset(a, err)
		}
	}
}

// wake wakes the fan-out lanes of the notifications as created.
func (b *Batcher) wake(as []*accept) {
	var queues []string
	for _, a := range as {
		if a.result != nil && !a.result.Duplicate && a.n != nil {
			if q := jobs.FanoutQueue(a.n.Priority); !slices.Contains(queues, q) {
				queues = append(queues, q)
			}
		}
	}
	b.waker.wake(queues)
}

// reset forgets what a failed statement decided for a, leaving err.
func reset(a *accept, err error) {
	a.n, a.result, a.err = nil, nil, err
}
