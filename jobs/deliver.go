package jobs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"

	"github.com/heraldhq/herald/providers"
	"github.com/heraldhq/herald/store"
)

// inboxProvider names the built-in in-app channel in deliveries.
const inboxProvider = "inbox"

// claimMargin is how much longer than a provider call a claim lasts, so a
// slow commit does not let a second worker in.
const claimMargin = 15 * time.Second

// DeliverWorker sends one delivery. It claims the delivery (so a cancel or a
// second worker leaves it alone), calls the provider outside any
// transaction (dispatch.go: failover, circuit breakers, send-rate limits),
// then records the outcome, its events and, when the delivery is final,
// the job's completion in one transaction.
//
// A crash between the provider call and that commit makes River run the job
// again: at-least-once, with the delivery id as the idempotency key so
// providers and receivers can drop the repeat.
type DeliverWorker struct {
	river.WorkerDefaults[DeliverArgs]
	w *worker
}

// Timeout implements river.Worker.
func (d *DeliverWorker) Timeout(*river.Job[DeliverArgs]) time.Duration {
	return d.w.opts.ProviderTimeout + claimMargin
}

// Work implements river.Worker.
func (d *DeliverWorker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	w := d.w
	if held, err := d.channelKilled(ctx, job); held || err != nil {
		return err
	}
	st := w.opts.AsyncStore
	del, err := st.ClaimDelivery(ctx, job.Args.DeliveryID, w.opts.ProviderTimeout+claimMargin)
	if err != nil {
		return err
	}
	if del == nil {
		cur, err := st.GetDelivery(ctx, job.Args.DeliveryID)
		if errors.Is(err, store.ErrNotFound) {
			return river.JobCancel(err) // removed by retention
		}
		if err != nil {
			return err
		}
		if !cur.Status.Pending() {
			return nil // finished by an earlier run, or canceled
		}
		return river.JobSnooze(time.Second) // another worker is calling the provider
	}

	now := w.opts.Now()
	if del.ExpireAt != nil && now.After(*del.ExpireAt) {
		return d.finish(ctx, job, del, store.DeliveryUpdate{Status: store.DeliveryExpired, Reason: store.ReasonExpired},
			event(del, store.EventExpired, store.DeliveryExpired, store.ReasonExpired, "not sent within the message type's ttl"))
	}
	tenant, err := w.tenant(ctx, del.TenantID)
	if err != nil {
		return err
	}
	if del.Channel == store.ChannelInApp {
		if dark, details := d.darkLaunched(ctx, del, tenant, inboxProvider); dark {
			return d.finishDark(ctx, job, del, inboxProvider, details, nil)
		}
		return d.deliverInbox(ctx, job, del)
	}

	chain := w.opts.Providers.ForTenant(tenant.Name, string(del.Channel))
	if len(chain) == 0 {
		msg := fmt.Sprintf("no provider configured for channel %s", del.Channel)
		return d.finish(ctx, job, del, store.DeliveryUpdate{Status: store.DeliveryFailed, Reason: store.ReasonNoProvider, LastError: msg},
			event(del, store.EventFailed, store.DeliveryFailed, store.ReasonNoProvider, msg))
	}
	return d.dispatch(ctx, job, del, tenant, chain)
}

// deliverInbox puts an in-app delivery in the recipient's inbox, in the same
// transaction that marks it sent.
func (d *DeliverWorker) deliverInbox(ctx context.Context, job *river.Job[DeliverArgs], del *store.Delivery) error {
	item := &store.InboxItem{
		ID: uuid.Must(uuid.NewV7()), TenantID: del.TenantID, RecipientID: del.RecipientID, DeliveryID: del.ID,
		NotificationID: del.NotificationID, MessageType: del.MessageType,
	}
	if c := del.Content; c != nil {
		item.Title, item.Body, item.Link = c.Title, c.Body, c.Link
	}
	attemptEv := event(del, store.EventAttempt, store.DeliverySending, "", "")
	attemptEv.Attempt, attemptEv.Provider = del.Attempts+1, inboxProvider
	sent := event(del, store.EventSent, store.DeliverySent, "", "")
	sent.Provider = inboxProvider
	return d.w.opts.AsyncStore.InTx(ctx, func(tx pgx.Tx) error {
		if _, err := store.New(tx).InsertInboxItem(ctx, item); err != nil {
			return err
		}
		return d.record(ctx, tx, store.DeliveryUpdate{ID: del.ID, Status: store.DeliverySent, Provider: inboxProvider, Attempted: true},
			del, attemptEv, sent)
	})
}

// finish records a final outcome. The job then completes in River's
// batched completer: should the process die first, the rerun finds the
// delivery final and does nothing.
func (d *DeliverWorker) finish(ctx context.Context, _ *river.Job[DeliverArgs], del *store.Delivery, u store.DeliveryUpdate, events ...store.Event) error {
	u.ID = del.ID
	return d.record(ctx, nil, u, del, events...)
}

// record writes an outcome and its events on db (a transaction, or the pool
// when nil) in one statement, and counts final outcomes.
func (d *DeliverWorker) record(ctx context.Context, db store.DBTX, u store.DeliveryUpdate, del *store.Delivery, events ...store.Event) error {
	if db == nil {
		db = d.w.opts.AsyncStore.Pool()
	}
	if err := store.New(db).UpdateDeliveryEvents(ctx, u, events); err != nil {
		return err
	}
	if !u.Status.Pending() {
		d.w.metrics.countDelivery(ctx, del.Channel, u.Provider, del.Variant, u.Status, u.Reason)
	}
	if u.Status == store.DeliverySent {
		d.w.metrics.acceptToEnd.Record(ctx, d.w.opts.Now().Sub(del.DueAt).Seconds(), metric.WithAttributes(
			attribute.String("priority", string(del.Priority)), attribute.String("channel", string(del.Channel))))
	}
	return nil
}

// message builds what the provider needs from a claimed delivery.
func (d *DeliverWorker) message(del *store.Delivery, tenant *store.Tenant) *providers.Message {
	m := &providers.Message{
		DeliveryID: del.ID.String(), NotificationID: del.NotificationID.String(), TenantID: del.TenantID.String(),
		RecipientID: del.RecipientID, MessageType: del.MessageType, Channel: string(del.Channel), To: del.Address,
		CreateTime: del.DueAt,
	}
	if c := del.Content; c != nil {
		m.Subject, m.Title, m.Body, m.HTML, m.Link, m.Data = c.Subject, c.Title, c.Body, c.HTML, c.Link, c.Data
	}
	if del.Channel == store.ChannelWebhook {
		m.SigningSecret = tenant.SigningSecret
	}
	return m
}

// event starts a timeline event of del.
func event(del *store.Delivery, typ string, status store.DeliveryStatus, reason, message string) store.Event {
	return store.Event{
		TenantID: del.TenantID, NotificationID: del.NotificationID, DeliveryID: del.ID,
		Type: typ, Status: status, Reason: reason, Message: message,
	}
}
