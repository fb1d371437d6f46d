package enqueue

import (
	"context"
	"errors"
	"sync"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"go.opentelemetry.io/otel/trace"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
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
	// Committers is how many accepting transactions are in flight at
	// once: one writes its group while the others wait for their COMMIT.
	// Default 2.
	Committers int
	// SharedFanoutMax is the most recipients a notification due now may
	// have to share one fan-out job with the others of its transaction;
	// bigger ones, topic sends and scheduled ones get a job of their own.
	// Default 100; negative shares none.
	SharedFanoutMax int
}

// Batcher accepts concurrent Sends in shared transactions (group commit):
// a committer takes every Send waiting, up to MaxBatch, and accepts them in
// one transaction, so commits — and the fan-out jobs of small
// notifications — are shared. One committer writes at a time and hands
// over before its COMMIT, so the next group is written while the last
// waits for its flush to disk. Nothing waits on purpose: a lone Send goes
// at once, and groups form while a committer is busy. A Send returns only
// after its transaction committed.
type Batcher struct {
	enq   *Enqueuer
	store *store.Store
	opts  BatcherOptions
	queue chan *pending
	// writing is held by the committer gathering a group and writing it;
	// it is handed on before COMMIT, so the next group is written while
	// the last one waits for its WAL flush, and groups stay as big as the
	// Sends that arrive meanwhile.
	writing chan struct{}
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
	b := &Batcher{enq: enq, store: st, opts: o, queue: make(chan *pending, o.MaxBatch*o.Committers),
		writing: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	return b
}

// Start starts the committers.
func (b *Batcher) Start() {
	finished := make(chan struct{}, b.opts.Committers)
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
// committer at a time up to the COMMIT.
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
		b.accept(group, sync.OnceFunc(func() { <-b.writing }))
	}
}

// accept runs a group in one transaction, calling release once its
// statements are written. If the transaction fails, each Send is tried
// again alone, so one bad request cannot fail the others.
func (b *Batcher) accept(group []*pending, release func()) {
	defer release()
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
	if len(live) == 0 {
		return
	}
	ctx := context.WithoutCancel(live[0].ctx)
	as := make([]*accept, len(live))
	for i, p := range live {
		as[i] = p.a
	}
	err := b.store.InTx(ctx, func(tx pgx.Tx) error {
		if err := b.enq.acceptTx(ctx, tx, as, b.opts.SharedFanoutMax); err != nil {
			return err
		}
		release() // the COMMIT is all that is left
		return nil
	})
	if err == nil {
		return
	}
	if len(as) == 1 {
		reset(as[0], err)
		return
	}
	for _, a := range as {
		reset(a, nil)
		a := a
		if err := b.store.InTx(ctx, func(tx pgx.Tx) error { return b.enq.acceptTx(ctx, tx, []*accept{a}, b.opts.SharedFanoutMax) }); err != nil {
			reset(a, err)
		}
	}
}

// reset forgets what a rolled-back transaction decided for a, leaving err.
func reset(a *accept, err error) {
	a.n, a.result, a.err = nil, nil, err
}
