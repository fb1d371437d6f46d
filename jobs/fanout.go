package jobs

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/store"
)

// FanoutWorker runs a notification's recipients through the pipeline in
// chunks, each in one transaction that writes the chunk's deliveries, their
// decision log and their deliver jobs, and advances the notification's
// fan-out cursor. A retry resumes at the cursor; the deliveries' unique key
// makes a repeated chunk harmless.
type FanoutWorker struct {
	river.WorkerDefaults[FanoutArgs]
	w *worker
}

// Timeout implements river.Worker: a 10,000-recipient fan-out takes longer
// than River's default minute on a busy machine.
func (*FanoutWorker) Timeout(*river.Job[FanoutArgs]) time.Duration { return 10 * time.Minute }

// Work implements river.Worker.
func (f *FanoutWorker) Work(ctx context.Context, job *river.Job[FanoutArgs]) error {
	for {
		done, err := f.chunk(ctx, job)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// chunk fans out the next chunk of recipients and reports whether the
// notification is done.
func (f *FanoutWorker) chunk(ctx context.Context, job *river.Job[FanoutArgs]) (done bool, err error) {
	err = f.w.opts.Store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		n, err := q.LockNotification(ctx, job.Args.NotificationID)
		if err != nil {
			return err
		}
		if n.Status == store.NotificationCanceled || n.FanoutCursor >= len(n.RecipientIDs) {
			done = true
			return completeTx(ctx, tx, job)
		}
		mt, err := q.GetMessageType(ctx, n.TenantID, n.MessageType, n.MessageTypeVersion)
		if err != nil {
			return err
		}
		end := min(n.FanoutCursor+f.w.opts.FanoutChunk, len(n.RecipientIDs))
		tenant, err := f.w.tenant(ctx, n.TenantID)
		if err != nil {
			return err
		}
		batch := pipeline.NewBatch(f.w.opts.Now(), q, n, mt, n.RecipientIDs[n.FanoutCursor:end])
		batch.TenantName = tenant.Name
		if err := f.w.opts.Pipeline.Run(ctx, batch); err != nil {
			return err
		}
		if err := f.write(ctx, tx, q, batch); err != nil {
			return err
		}
		done = end == len(n.RecipientIDs)
		status := store.NotificationAccepted
		if done {
			status = store.NotificationProcessing
		}
		if err := q.AdvanceFanout(ctx, n.ID, end, status); err != nil {
			return err
		}
		if done {
			return completeTx(ctx, tx, job)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("fanout %s: %w", job.Args.NotificationID, err)
	}
	return done, nil
}

// write stores the batch's deliveries and decision log, and enqueues a
// deliver job for each new delivery still headed for a provider.
func (f *FanoutWorker) write(ctx context.Context, tx pgx.Tx, q *store.Queries, b *pipeline.Batch) error {
	n, mt := b.Notification, b.MessageType
	due := n.CreatedAt
	if n.SendAt != nil && n.SendAt.After(due) {
		due = *n.SendAt
	}
	var expireAt *time.Time
	if t, ok := pipeline.ExpiresAt(n, mt); ok {
		expireAt = &t
	}
	deliveries := make([]*store.Delivery, len(b.Messages))
	for i, m := range b.Messages {
		deliveries[i] = &store.Delivery{
			ID: m.ID, TenantID: n.TenantID, NotificationID: n.ID, RecipientID: m.RecipientID, Channel: m.Channel,
			Status: m.Status, Reason: m.Reason, Variant: m.Variant, MessageType: n.MessageType,
			MessageTypeVersion: b.MessageTypeOf(m).Version, Priority: n.Priority, Address: m.Address, Content: m.Content,
			ScheduledAt: m.ScheduledAt, DueAt: due, ExpireAt: expireAt,
		}
		if m.Status == store.DeliveryFailed && len(m.Events) > 0 {
			deliveries[i].LastError = m.Events[len(m.Events)-1].Message
		}
	}
	inserted, err := q.InsertDeliveries(ctx, deliveries)
	if err != nil {
		return err
	}

	var (
		events []store.Event
		jobs   []river.InsertManyParams
	)
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
		f.w.metrics.countDecision(ctx, m)
		if !m.Active() {
			continue
		}
		opts := &river.InsertOpts{
			Queue:       DeliverQueue(n.Priority, m.Channel),
			Priority:    RiverPriority(n.Priority),
			MaxAttempts: f.w.maxAttempts(mt) + infraRetries,
		}
		if m.ScheduledAt != nil {
			opts.ScheduledAt = *m.ScheduledAt
		}
		args := DeliverArgs{DeliveryID: m.ID, TenantID: n.TenantID, RecipientID: m.RecipientID, MessageType: n.MessageType,
			Version: b.MessageTypeOf(m).Version, Channel: m.Channel, Priority: n.Priority}
		jobs = append(jobs, river.InsertManyParams{Args: args, InsertOpts: opts})
	}
	if err := q.InsertEvents(ctx, events); err != nil {
		return err
	}
	client := river.ClientFromContext[pgx.Tx](ctx)
	if err := f.writeDigestItems(ctx, tx, client, b); err != nil {
		return err
	}
	if len(jobs) == 0 {
		return nil
	}
	if _, err := client.InsertManyTx(ctx, tx, jobs); err != nil {
		return fmt.Errorf("insert deliver jobs: %w", err)
	}
	return nil
}

// writeDigestItems stores an item for each recipient the digest layer
// collected and makes sure each of their digests has a flush scheduled.
func (f *FanoutWorker) writeDigestItems(ctx context.Context, tx pgx.Tx, client *river.Client[pgx.Tx], b *pipeline.Batch) error {
	if len(b.Digested) == 0 {
		return nil
	}
	n := b.Notification
	items := make([]store.DigestItem, len(b.Digested))
	for i, r := range b.Digested {
		items[i] = store.DigestItem{TenantID: n.TenantID, RecipientID: r.ID, MessageType: n.MessageType,
			NotificationID: n.ID, Data: n.Data, CreatedAt: b.Now}
	}
	if err := store.New(tx).AddDigestItems(ctx, items); err != nil {
		return err
	}
	recipients := slices.SortedFunc(slices.Values(b.Digested), func(a, b *store.Recipient) int { return strings.Compare(a.ID, b.ID) })
	digests := Digests{Client: client}
	for _, r := range recipients { // in id order, so concurrent fan-outs lock digests alike
		if err := digests.Ensure(ctx, tx, n.TenantID, r, n.MessageType, b.PreferencesOf(r.ID).Digest, b.Now); err != nil {
			return err
		}
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
