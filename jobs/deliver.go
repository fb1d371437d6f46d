package jobs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/heraldhq/herald/flags"
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
// then records the outcome and its events in one statement. The job then
// completes in River's batched completer.
//
// A crash between the provider call and that write makes River run the job
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
	s := &sender{w: d.w}
	if held, err := s.channelKilled(ctx, job); held || err != nil {
		return err
	}
	st := d.w.opts.AsyncStore
	del, err := st.ClaimDelivery(ctx, job.Args.DeliveryID, d.w.opts.ProviderTimeout+claimMargin)
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
	return s.deliver(ctx, del)
}

// sender works claimed deliveries. Alone (batch nil) it writes each
// outcome at once; for a DeliverBatchWorker it collects them in batch,
// which writes them all in one transaction. Either way a run ends in nil
// (done, or the outcome says when to look again), a river.JobSnooze (run
// again after that long) or an error (Herald's own trouble: retry).
type sender struct {
	w     *worker
	batch *outcomes
}

// deliver works a claimed delivery.
func (d *sender) deliver(ctx context.Context, del *store.Delivery) error {
	w := d.w
	now := w.opts.Now()
	if del.ExpireAt != nil && now.After(*del.ExpireAt) {
		return d.finish(ctx, del, store.DeliveryUpdate{Status: store.DeliveryExpired, Reason: store.ReasonExpired},
			event(del, store.EventExpired, store.DeliveryExpired, store.ReasonExpired, "not sent within the message type's ttl"))
	}
	tenant, err := w.tenant(ctx, del.TenantID)
	if err != nil {
		return err
	}
	if d.batch != nil {
		// A lone job asks before claiming (channelKilled); a batch has
		// claimed first.
		if killed := d.channelKillSwitch(ctx, del, tenant); killed != nil {
			return d.hold(ctx, del, true, "the kill switch is on for channel "+string(del.Channel), killed.Details(flags.KillSwitch))
		}
	}
	if del.Channel == store.ChannelInApp {
		if dark, details := d.darkLaunched(ctx, del, tenant, inboxProvider); dark {
			return d.finishDark(ctx, del, inboxProvider, details, nil)
		}
		return d.deliverInbox(ctx, del)
	}

	chain := w.opts.Providers.ForTenant(tenant.Name, string(del.Channel))
	if len(chain) == 0 {
		msg := fmt.Sprintf("no provider configured for channel %s", del.Channel)
		return d.finish(ctx, del, store.DeliveryUpdate{Status: store.DeliveryFailed, Reason: store.ReasonNoProvider, LastError: msg},
			event(del, store.EventFailed, store.DeliveryFailed, store.ReasonNoProvider, msg))
	}
	return d.dispatch(ctx, del, tenant, chain)
}

// deliverInbox puts an in-app delivery in the recipient's inbox, in the same
// transaction that marks it sent.
func (d *sender) deliverInbox(ctx context.Context, del *store.Delivery) error {
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
	u := store.DeliveryUpdate{ID: del.ID, Status: store.DeliverySent, Provider: inboxProvider, Attempted: true}
	if d.batch != nil {
		d.batch.add(del, u, item, attemptEv, sent)
		return nil
	}
	return d.w.opts.AsyncStore.InTx(ctx, func(tx pgx.Tx) error {
		if _, err := store.New(tx).InsertInboxItem(ctx, item); err != nil {
			return err
		}
		if err := store.New(tx).UpdateDeliveryEvents(ctx, u, []store.Event{attemptEv, sent}); err != nil {
			return err
		}
		d.w.metrics.countOutcome(ctx, d.w.opts.Now(), del, u)
		return nil
	})
}

// finish records a final outcome. Should the process die before its job
// completes, the rerun finds the delivery final and does nothing.
func (d *sender) finish(ctx context.Context, del *store.Delivery, u store.DeliveryUpdate, events ...store.Event) error {
	u.ID = del.ID
	return d.record(ctx, u, del, events...)
}

// record writes an outcome and its events in one statement (or leaves them
// to the batch), and counts final outcomes.
func (d *sender) record(ctx context.Context, u store.DeliveryUpdate, del *store.Delivery, events ...store.Event) error {
	if d.batch != nil {
		d.batch.add(del, u, nil, events...)
		return nil
	}
	if err := d.w.opts.AsyncStore.UpdateDeliveryEvents(ctx, u, events); err != nil {
		return err
	}
	d.w.metrics.countOutcome(ctx, d.w.opts.Now(), del, u)
	return nil
}

// message builds what the provider needs from a claimed delivery.
func (d *sender) message(del *store.Delivery, tenant *store.Tenant) *providers.Message {
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
