package jobs

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/store"
)

// FanoutItem is recipients of one notification to fan out: all of a small
// notification's, or one chunk of a big one's.
type FanoutItem struct {
	Notification *store.Notification
	MessageType  *store.MessageType
	RecipientIDs []string
}

// FanoutTx runs each item through the pipeline and writes, in tx, what it
// decided: the deliveries, their decision log, their deliver jobs and digest
// items. Recipients and preferences are read once per tenant for all items,
// and every write is one statement for all items, so fanning out a group of
// small notifications costs about what one does.
func (j *Jobs) FanoutTx(ctx context.Context, tx pgx.Tx, client *river.Client[pgx.Tx], items []FanoutItem) error {
	w := j.w
	q := store.New(tx)
	now := w.opts.Now()
	preloads, err := preload(ctx, q, items)
	if err != nil {
		return err
	}
	var (
		batches    []*pipeline.Batch
		deliveries []*store.Delivery
		// traces holds each notification's fan-out span, for its deliveries'
		// jobs to continue.
		traces = Traces{}
	)
	for _, it := range items {
		n := it.Notification
		tenant, err := w.tenant(ctx, n.TenantID)
		if err != nil {
			return err
		}
		b := pipeline.NewBatch(now, q, n, it.MessageType, it.RecipientIDs)
		b.TenantName = tenant.Name
		b.Preload(preloads[n.TenantID])
		nctx, span := w.memberSpan(ctx, "herald.fanout", n.ID, trace.WithAttributes(
			attribute.String("herald.notification.id", n.ID.String()), attribute.String("herald.message_type", n.MessageType),
			attribute.Int("herald.recipients", len(it.RecipientIDs))))
		err = w.opts.Pipeline.Run(nctx, b)
		span.End()
		if err != nil {
			return err
		}
		if sc := span.SpanContext(); sc.IsValid() { // only when tracing
			traces[n.ID] = sc
		}
		batches = append(batches, b)
		deliveries = append(deliveries, deliveriesOf(b)...)
	}
	inserted, err := q.InsertDeliveries(ctx, deliveries)
	if err != nil {
		return err
	}

	var (
		events  []store.Event
		jobs    []river.InsertManyParams
		digests []store.DigestItem
	)
	for _, b := range batches {
		n := b.Notification
		for _, m := range b.Messages {
			if !inserted[m.ID] {
				continue // made by an earlier try of this chunk
			}
			queued := store.Event{
				TenantID: n.TenantID, NotificationID: n.ID, DeliveryID: m.ID, Type: store.EventQueued,
				Status: store.DeliveryQueued, Details: map[string]any{"channel": string(m.Channel), "priority": string(n.Priority)},
			}
			if n.Topic != "" {
				queued.Details["topic"] = n.Topic // why this recipient: subscribed
			}
			events = append(events, queued)
			for _, d := range m.Events {
				events = append(events, store.Event{
					TenantID: n.TenantID, NotificationID: n.ID, DeliveryID: m.ID, Type: d.Type, Status: d.Status,
					Reason: d.Reason, Message: d.Message, Details: d.Details,
				})
			}
			w.metrics.countDecision(ctx, m)
			if m.Active() {
				jobs = append(jobs, w.deliverJob(b, m))
				if sc, ok := traces[n.ID]; ok {
					traces[m.ID] = sc
				}
			}
		}
		for _, r := range b.Digested {
			digests = append(digests, store.DigestItem{TenantID: n.TenantID, RecipientID: r.ID, MessageType: n.MessageType,
				NotificationID: n.ID, Data: n.Data, CreatedAt: now})
		}
	}
	if err := q.InsertEvents(ctx, events); err != nil {
		return err
	}
	if err := w.writeDigestItems(ctx, tx, client, batches, digests, now); err != nil {
		return err
	}
	// Deliver jobs are not unique, so River's COPY path may apply.
	if len(jobs) > 0 {
		if err := InsertManyTx(ctx, client, tx, deliverJobs(jobs, traces)); err != nil {
			return fmt.Errorf("insert deliver jobs: %w", err)
		}
	}
	return nil
}

// preload reads the recipients of every item, and their preferences, in
// two queries per tenant.
func preload(ctx context.Context, q *store.Queries, items []FanoutItem) (map[uuid.UUID]*pipeline.Preloaded, error) {
	ids := map[uuid.UUID][]string{}
	for _, it := range items {
		ids[it.Notification.TenantID] = append(ids[it.Notification.TenantID], it.RecipientIDs...)
	}
	out := make(map[uuid.UUID]*pipeline.Preloaded, len(ids))
	for tenant, rs := range ids {
		slices.Sort(rs)
		rs = slices.Compact(rs)
		recipients, err := q.GetRecipients(ctx, tenant, rs)
		if err != nil {
			return nil, err
		}
		prefs, defaults, err := q.GetPreferencesFor(ctx, tenant, rs)
		if err != nil {
			return nil, err
		}
		out[tenant] = &pipeline.Preloaded{Recipients: recipients, Preferences: prefs, Defaults: defaults}
	}
	return out, nil
}

// deliveriesOf turns a batch's messages into delivery rows.
func deliveriesOf(b *pipeline.Batch) []*store.Delivery {
	n := b.Notification
	due := n.CreatedAt
	if n.SendAt != nil && n.SendAt.After(due) {
		due = *n.SendAt
	}
	var expireAt *time.Time
	if t, ok := pipeline.ExpiresAt(n, b.MessageType); ok {
		expireAt = &t
	}
	out := make([]*store.Delivery, len(b.Messages))
	for i, m := range b.Messages {
		out[i] = &store.Delivery{
			ID: m.ID, TenantID: n.TenantID, NotificationID: n.ID, RecipientID: m.RecipientID, Channel: m.Channel,
			Status: m.Status, Reason: m.Reason, Variant: m.Variant, MessageType: n.MessageType,
			MessageTypeVersion: b.MessageTypeOf(m).Version, Priority: n.Priority, Address: m.Address, Content: m.Content,
			ScheduledAt: m.ScheduledAt, DueAt: due, ExpireAt: expireAt,
		}
		if m.Status == store.DeliveryFailed && len(m.Events) > 0 {
			out[i].LastError = m.Events[len(m.Events)-1].Message
		}
	}
	return out
}

// deliverJob is the deliver job of an active message, in its lane.
func (w *worker) deliverJob(b *pipeline.Batch, m *pipeline.Message) river.InsertManyParams {
	n := b.Notification
	opts := &river.InsertOpts{
		Queue:       DeliverQueue(n.Priority, m.Channel),
		Priority:    RiverPriority(n.Priority),
		MaxAttempts: w.maxAttempts(b.MessageTypeOf(m)) + infraRetries,
	}
	if m.ScheduledAt != nil {
		opts.ScheduledAt = *m.ScheduledAt
	}
	args := DeliverArgs{DeliveryID: m.ID, TenantID: n.TenantID, RecipientID: m.RecipientID, MessageType: n.MessageType,
		Version: b.MessageTypeOf(m).Version, Channel: m.Channel, Priority: n.Priority}
	return river.InsertManyParams{Args: args, InsertOpts: opts}
}

// writeDigestItems stores the digest items the digest layer collected and
// makes sure each of their digests has a flush scheduled.
func (w *worker) writeDigestItems(ctx context.Context, tx pgx.Tx, client *river.Client[pgx.Tx], batches []*pipeline.Batch, items []store.DigestItem, now time.Time) error {
	if len(items) == 0 {
		return nil
	}
	if err := store.New(tx).AddDigestItems(ctx, items); err != nil {
		return err
	}
	type key struct {
		r  *store.Recipient
		mt string
		b  *pipeline.Batch
	}
	var keys []key
	for _, b := range batches {
		for _, r := range b.Digested {
			keys = append(keys, key{r, b.Notification.MessageType, b})
		}
	}
	// In a fixed order, so concurrent fan-outs lock digests alike.
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.r.ID, b.r.ID), cmp.Compare(a.mt, b.mt)) })
	digests := Digests{Client: client}
	for _, k := range keys {
		if err := digests.Ensure(ctx, tx, k.b.Notification.TenantID, k.r, k.mt, k.b.PreferencesOf(k.r.ID).Digest, now); err != nil {
			return err
		}
	}
	return nil
}

// FanoutWorker fans out notifications too big for their Send's
// transaction, and those sent to a topic or scheduled. One chunk's worth
// of recipients it fans out in one transaction; more it splits into
// FanoutChunk jobs, which the lane's workers write in parallel.
type FanoutWorker struct {
	river.WorkerDefaults[FanoutArgs]
	j *Jobs
}

// Work implements river.Worker. Planning is one transaction that locks the
// notification, so a cancel or a rerun sees either no plan or all of it.
func (f *FanoutWorker) Work(ctx context.Context, job *river.Job[FanoutArgs]) error {
	w := f.j.w
	client := river.ClientFromContext[pgx.Tx](ctx)
	size := w.opts.FanoutChunk
	err := w.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		n, err := q.LockNotification(ctx, job.Args.NotificationID)
		if err != nil {
			return err
		}
		if fannedOut(n) || n.FanoutPending > 0 {
			return nil // canceled, done, or planned by an earlier run
		}
		var chunks []FanoutChunkArgs
		if n.Topic != "" {
			bounds, err := q.TopicBounds(ctx, n.TenantID, n.Topic, size)
			if err != nil {
				return err
			}
			after := ""
			for _, b := range append(bounds, "") {
				chunks = append(chunks, FanoutChunkArgs{NotificationID: n.ID, TenantID: n.TenantID, After: after, Through: b})
				after = b
			}
		} else {
			for from := 0; from < len(n.RecipientIDs); from += size {
				chunks = append(chunks, FanoutChunkArgs{NotificationID: n.ID, TenantID: n.TenantID, From: from,
					To: min(from+size, len(n.RecipientIDs))})
			}
		}
		if len(chunks) <= 1 {
			var ids []string
			if len(chunks) == 1 {
				if ids, err = chunks[0].recipients(ctx, q, n); err != nil {
					return err
				}
			}
			if err := f.j.fanoutTx(ctx, tx, client, n, ids); err != nil {
				return err
			}
			return q.FinishFanout(ctx, n.ID, len(ids), lastOf(ids, n.FanoutAfter))
		}
		params := make([]river.InsertManyParams, len(chunks))
		for i, c := range chunks {
			params[i] = river.InsertManyParams{Args: c, InsertOpts: &river.InsertOpts{Queue: FanoutQueue(n.Priority),
				Priority: RiverPriority(n.Priority), MaxAttempts: 25, Metadata: TraceMetadata(Traces{n.ID: trace.SpanContextFromContext(ctx)}, n.ID)}}
		}
		if err := InsertManyTx(ctx, client, tx, params); err != nil {
			return fmt.Errorf("insert fanout chunks: %w", err)
		}
		return q.PlanFanout(ctx, n.ID, len(chunks))
	})
	if err != nil {
		return fmt.Errorf("fanout %s: %w", job.Args.NotificationID, err)
	}
	return nil
}

// fannedOut reports whether n needs no more fan-out: canceled, or every
// recipient done (processing, or completed as read).
func fannedOut(n *store.Notification) bool {
	switch n.Status {
	case store.NotificationCanceled, store.NotificationProcessing, store.NotificationCompleted:
		return true
	}
	return false
}

// fanoutTx fans ids of n out in tx.
func (j *Jobs) fanoutTx(ctx context.Context, tx pgx.Tx, client *river.Client[pgx.Tx], n *store.Notification, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	mt, err := j.w.messageType(ctx, n.TenantID, n.MessageType, n.MessageTypeVersion)
	if err != nil {
		return err
	}
	return j.FanoutTx(ctx, tx, client, []FanoutItem{{Notification: n, MessageType: mt, RecipientIDs: ids}})
}

func lastOf(ids []string, def string) string {
	if len(ids) == 0 {
		return def
	}
	return ids[len(ids)-1]
}

// FanoutBatchWorker fans out the small notifications of one accepting
// transaction in one transaction: the recipients and preferences of all are
// read at once, and each table is written once for all.
type FanoutBatchWorker struct {
	river.WorkerDefaults[FanoutBatchArgs]
	j *Jobs
}

// Work implements river.Worker. The notifications are locked, so a cancel
// waits for the fan-out or the fan-out skips the canceled, and a rerun
// skips those done.
func (f *FanoutBatchWorker) Work(ctx context.Context, job *river.Job[FanoutBatchArgs]) error {
	w := f.j.w
	client := river.ClientFromContext[pgx.Tx](ctx)
	err := w.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		ns, err := q.LockNotifications(ctx, job.Args.NotificationIDs)
		if err != nil {
			return err
		}
		var (
			items []FanoutItem
			ids   []uuid.UUID
		)
		for _, n := range ns {
			if fannedOut(n) || n.FanoutPending > 0 {
				continue
			}
			mt, err := w.messageType(ctx, n.TenantID, n.MessageType, n.MessageTypeVersion)
			if err != nil {
				return err
			}
			items = append(items, FanoutItem{Notification: n, MessageType: mt, RecipientIDs: n.RecipientIDs})
			ids = append(ids, n.ID)
		}
		if len(items) == 0 {
			return nil
		}
		if err := f.j.FanoutTx(ctx, tx, client, items); err != nil {
			return err
		}
		return q.FinishFanouts(ctx, ids)
	})
	if err != nil {
		return fmt.Errorf("fanout batch: %w", err)
	}
	return nil
}

// FanoutChunkWorker writes one planned chunk of a fan-out: its deliveries,
// their decision log and deliver jobs, the notification's progress and the
// job's completion, all in one transaction. So a chunk is written once:
// a rerun after a crash finds either nothing of it or a completed job.
type FanoutChunkWorker struct {
	river.WorkerDefaults[FanoutChunkArgs]
	j *Jobs
}

// errFanoutCanceled rolls back a chunk whose notification was canceled.
var errFanoutCanceled = errors.New("jobs: notification canceled during fan-out")

// Work implements river.Worker.
func (f *FanoutChunkWorker) Work(ctx context.Context, job *river.Job[FanoutChunkArgs]) error {
	w := f.j.w
	client := river.ClientFromContext[pgx.Tx](ctx)
	err := w.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		// Not locked: parallel chunks of one notification must not wait on
		// each other. FinishFanoutChunk settles a race with a cancel.
		n, err := q.GetNotification(ctx, job.Args.TenantID, job.Args.NotificationID)
		if err != nil {
			return err
		}
		if n.Status == store.NotificationCanceled {
			return errFanoutCanceled
		}
		ids, err := job.Args.recipients(ctx, q, n)
		if err != nil {
			return err
		}
		if err := f.j.fanoutTx(ctx, tx, client, n, ids); err != nil {
			return err
		}
		ok, err := q.FinishFanoutChunk(ctx, n.ID, len(ids))
		if err != nil {
			return err
		}
		if !ok {
			return errFanoutCanceled
		}
		return completeTx(ctx, tx, job)
	})
	if errors.Is(err, errFanoutCanceled) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("fanout %s chunk: %w", job.Args.NotificationID, err)
	}
	return nil
}

// infraRetries are job attempts beyond the provider-call budget, spent on
// database or network trouble of Herald's own.
const infraRetries = 5

func completeTx[T river.JobArgs](ctx context.Context, tx pgx.Tx, job *river.Job[T]) error {
	_, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
	return err
}
