package jobs

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

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
	)
	for _, it := range items {
		tenant, err := w.tenant(ctx, it.Notification.TenantID)
		if err != nil {
			return err
		}
		b := pipeline.NewBatch(now, q, it.Notification, it.MessageType, it.RecipientIDs)
		b.TenantName = tenant.Name
		b.Preload(preloads[it.Notification.TenantID])
		if err := w.opts.Pipeline.Run(ctx, b); err != nil {
			return err
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
			events = append(events, store.Event{
				TenantID: n.TenantID, NotificationID: n.ID, DeliveryID: m.ID, Type: store.EventQueued,
				Status: store.DeliveryQueued, Details: map[string]any{"channel": string(m.Channel), "priority": string(n.Priority)},
			})
			for _, d := range m.Events {
				events = append(events, store.Event{
					TenantID: n.TenantID, NotificationID: n.ID, DeliveryID: m.ID, Type: d.Type, Status: d.Status,
					Reason: d.Reason, Message: d.Message, Details: d.Details,
				})
			}
			w.metrics.countDecision(ctx, m)
			if m.Active() {
				jobs = append(jobs, w.deliverJob(b, m))
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
	if len(jobs) > 0 {
		if _, err := client.InsertManyTx(ctx, tx, jobs); err != nil {
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
// transaction, in chunks: each chunk in one transaction that writes the
// chunk's deliveries, their decision log and their deliver jobs, and
// advances the notification's fan-out cursor. A retry resumes at the
// cursor; the deliveries' unique key makes a repeated chunk harmless.
type FanoutWorker struct {
	river.WorkerDefaults[FanoutArgs]
	j *Jobs
}

// Timeout implements river.Worker: a 10,000-recipient fan-out takes longer
// than River's default minute on a busy machine.
func (*FanoutWorker) Timeout(*river.Job[FanoutArgs]) time.Duration { return 10 * time.Minute }

// Work implements river.Worker.
func (f *FanoutWorker) Work(ctx context.Context, job *river.Job[FanoutArgs]) error {
	client := river.ClientFromContext[pgx.Tx](ctx)
	for {
		done, err := f.chunk(ctx, client, job.Args.NotificationID)
		if err != nil {
			return fmt.Errorf("fanout %s: %w", job.Args.NotificationID, err)
		}
		if done {
			return nil
		}
	}
}

// chunk fans out the next chunk of recipients and reports whether the
// notification is done. The cursor makes a rerun after a crash resume
// where it stopped; the job completes in River's batched completer.
func (f *FanoutWorker) chunk(ctx context.Context, client *river.Client[pgx.Tx], id uuid.UUID) (done bool, err error) {
	w := f.j.w
	err = w.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		n, err := q.LockNotification(ctx, id)
		if err != nil {
			return err
		}
		if n.Status == store.NotificationCanceled || n.FanoutCursor >= len(n.RecipientIDs) {
			done = true
			return nil
		}
		mt, err := w.messageType(ctx, n.TenantID, n.MessageType, n.MessageTypeVersion)
		if err != nil {
			return err
		}
		end := min(n.FanoutCursor+w.opts.FanoutChunk, len(n.RecipientIDs))
		item := FanoutItem{Notification: n, MessageType: mt, RecipientIDs: n.RecipientIDs[n.FanoutCursor:end]}
		if err := f.j.FanoutTx(ctx, tx, client, []FanoutItem{item}); err != nil {
			return err
		}
		done = end == len(n.RecipientIDs)
		status := store.NotificationAccepted
		if done {
			status = store.NotificationProcessing
		}
		return q.AdvanceFanout(ctx, n.ID, end, status)
	})
	return done, err
}

// infraRetries are job attempts beyond the provider-call budget, spent on
// database or network trouble of Herald's own.
const infraRetries = 5

func completeTx[T river.JobArgs](ctx context.Context, tx pgx.Tx, job *river.Job[T]) error {
	_, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
	return err
}
