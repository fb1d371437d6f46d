package jobs

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/heraldhq/herald/store"
)

// DeliverBatchArgs sends the first attempt of deliveries one fan-out
// transaction made for one lane, together. Whatever a delivery needs after
// that (a retry, a wait for a send slot or a kill switch) goes on in a
// DeliverArgs job of its own.
type DeliverBatchArgs struct {
	DeliveryIDs []uuid.UUID `json:"delivery_ids"`
}

// Kind implements river.JobArgs.
func (DeliverBatchArgs) Kind() string { return "herald.deliver_batch" }

// deliverBatchMax is the most deliveries one batch job takes. Their calls
// all run at once, so a batch takes as long as its slowest call and stays
// within one provider timeout, like a lone delivery.
const deliverBatchMax = 32

// DeliverBatchWorker works a batch of deliveries as DeliverWorker works
// one, with the per-delivery database work shared: one statement claims
// them all, the provider calls run concurrently, and one transaction
// records every outcome and event, inbox items, the jobs of deliveries
// that go on alone, and the batch job's completion. So a batch is recorded
// once: a rerun after a crash finds either nothing of it or a completed
// job (and claims that expire first, as a lone job would).
type DeliverBatchWorker struct {
	river.WorkerDefaults[DeliverBatchArgs]
	w *worker
}

// Timeout implements river.Worker.
func (b *DeliverBatchWorker) Timeout(*river.Job[DeliverBatchArgs]) time.Duration {
	return b.w.opts.ProviderTimeout + claimMargin
}

// Work implements river.Worker.
func (b *DeliverBatchWorker) Work(ctx context.Context, job *river.Job[DeliverBatchArgs]) error {
	w := b.w
	st := w.opts.AsyncStore
	dels, err := st.ClaimDeliveries(ctx, job.Args.DeliveryIDs, b.Timeout(job))
	if err != nil {
		return fmt.Errorf("deliver batch: %w", err)
	}
	out := &outcomes{}
	s := &sender{w: w, batch: out}
	var (
		mu     sync.Mutex
		alone  []river.InsertManyParams
		wg     sync.WaitGroup
		now    = w.opts.Now()
		again  = map[uuid.UUID]time.Time{} // deliveries that go on alone, and when
		failed = map[uuid.UUID]bool{}
	)
	for _, del := range dels {
		wg.Go(func() {
			dctx, span := w.memberSpan(ctx, "herald.deliver", del.ID, deliverySpanAttrs(del))
			err := s.deliver(dctx, del)
			endSpan(span, err)
			var snooze *river.JobSnoozeError
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
			case errors.As(err, &snooze):
				again[del.ID] = now.Add(snooze.Duration)
			default:
				w.opts.Logger.WarnContext(ctx, "delivery failed in its batch; retrying alone", "delivery_id", del.ID, "error", err)
				again[del.ID], failed[del.ID] = now.Add(w.opts.Retry.Backoff(1)), true
			}
		})
	}
	wg.Wait()
	recorded := out.recorded()
	for _, del := range dels {
		next, ok := again[del.ID]
		if ok {
			alone = append(alone, w.aloneJob(ctx, del, next))
		}
		if recorded[del.ID] {
			continue
		}
		// Nothing recorded (Herald's own trouble): release the claim, so the
		// delivery's own job can take it.
		if !ok {
			next = now
			alone = append(alone, w.aloneJob(ctx, del, next))
		}
		ev := event(del, store.EventRetrying, store.DeliverySending, "", "will retry")
		if failed[del.ID] {
			ev.Message = "Herald could not work the delivery; will retry"
		}
		ev.Details = map[string]any{"nextAttemptTime": next.UTC().Format(time.RFC3339Nano)}
		out.add(del, store.DeliveryUpdate{ID: del.ID, Status: store.DeliverySending, Reason: del.Reason, Provider: del.Provider,
			LastError: del.LastError, ScheduledAt: &next}, nil, ev)
	}

	// Deliveries not claimed are final, or held by someone else (a claim
	// of an earlier run of this batch that has not expired yet): a job of
	// their own waits for them.
	if len(dels) < len(job.Args.DeliveryIDs) {
		claimed := make(map[uuid.UUID]bool, len(dels))
		for _, d := range dels {
			claimed[d.ID] = true
		}
		var rest []uuid.UUID
		for _, id := range job.Args.DeliveryIDs {
			if !claimed[id] {
				rest = append(rest, id)
			}
		}
		pending, err := st.PendingDeliveries(ctx, rest)
		if err != nil {
			return fmt.Errorf("deliver batch: %w", err)
		}
		for _, del := range pending {
			alone = append(alone, w.aloneJob(ctx, del, now))
		}
	}

	err = st.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		if err := q.InsertInboxItems(ctx, out.inbox); err != nil {
			return err
		}
		if err := q.UpdateDeliveriesEvents(ctx, out.updates, out.events); err != nil {
			return err
		}
		if len(alone) > 0 {
			if err := InsertManyTx(ctx, river.ClientFromContext[pgx.Tx](ctx), tx, alone); err != nil {
				return fmt.Errorf("insert deliver jobs: %w", err)
			}
		}
		return completeTx(ctx, tx, job)
	})
	if err != nil {
		return fmt.Errorf("deliver batch: %w", err)
	}
	at := w.opts.Now()
	for i, u := range out.updates {
		w.metrics.countOutcome(ctx, at, out.dels[i], u)
	}
	return nil
}

// aloneJob is the DeliverArgs job that carries on with del at t.
func (w *worker) aloneJob(ctx context.Context, del *store.Delivery, t time.Time) river.InsertManyParams {
	args := DeliverArgs{DeliveryID: del.ID, TenantID: del.TenantID, RecipientID: del.RecipientID, MessageType: del.MessageType,
		Version: del.MessageTypeVersion, Channel: del.Channel, Priority: del.Priority}
	return river.InsertManyParams{Args: args, InsertOpts: &river.InsertOpts{
		Queue: DeliverQueue(del.Priority, del.Channel), Priority: RiverPriority(del.Priority),
		MaxAttempts: w.maxAttemptsFor(ctx, del) + infraRetries, ScheduledAt: t,
		Metadata: TraceMetadata(jobTracesOf(ctx), del.ID),
	}}
}

// outcomes collects what a batch's deliveries came to, for one write.
type outcomes struct {
	mu      sync.Mutex
	dels    []*store.Delivery // of each update
	updates []store.DeliveryUpdate
	events  []store.Event
	inbox   []*store.InboxItem
}

// recorded returns the deliveries that have an outcome.
func (o *outcomes) recorded() map[uuid.UUID]bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	m := make(map[uuid.UUID]bool, len(o.updates))
	for _, u := range o.updates {
		m[u.ID] = true
	}
	return m
}

// add collects del's outcome u, its events, and its inbox item if any.
func (o *outcomes) add(del *store.Delivery, u store.DeliveryUpdate, item *store.InboxItem, events ...store.Event) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.dels = append(o.dels, del)
	o.updates = append(o.updates, u)
	o.events = append(o.events, events...)
	if item != nil {
		o.inbox = append(o.inbox, item)
	}
}

// deliverJobs returns the deliver jobs of a fan-out's active messages:
// those due now share DeliverBatchArgs jobs per lane, up to
// deliverBatchMax each; scheduled ones and lone ones get DeliverArgs jobs.
//
// Each job carries the traces of its deliveries.
func deliverJobs(singles []river.InsertManyParams, traces Traces) []river.InsertManyParams {
	byQueue := map[string][]river.InsertManyParams{}
	var out []river.InsertManyParams
	for _, p := range singles {
		if len(traces) > 0 {
			p.InsertOpts.Metadata = TraceMetadata(traces, p.Args.(DeliverArgs).DeliveryID)
		}
		if !p.InsertOpts.ScheduledAt.IsZero() {
			out = append(out, p)
			continue
		}
		byQueue[p.InsertOpts.Queue] = append(byQueue[p.InsertOpts.Queue], p)
	}
	queues := make([]string, 0, len(byQueue))
	for q := range byQueue {
		queues = append(queues, q)
	}
	slices.Sort(queues)
	for _, q := range queues {
		for chunk := range slices.Chunk(byQueue[q], deliverBatchMax) {
			if len(chunk) == 1 {
				out = append(out, chunk[0])
				continue
			}
			ids := make([]uuid.UUID, len(chunk))
			for i, p := range chunk {
				ids[i] = p.Args.(DeliverArgs).DeliveryID
			}
			first := chunk[0].InsertOpts
			out = append(out, river.InsertManyParams{Args: DeliverBatchArgs{DeliveryIDs: ids}, InsertOpts: &river.InsertOpts{
				Queue: first.Queue, Priority: first.Priority, MaxAttempts: 25, Metadata: TraceMetadata(traces, ids...),
			}})
		}
	}
	return out
}
