package jobs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/heraldhq/herald/providers/webhook"
	"github.com/heraldhq/herald/store"
)

// statusWebhookQueue is the lane status webhooks are sent from, apart from
// deliveries: a slow subscriber endpoint delays no notification.
const statusWebhookQueue = "status_webhooks"

// StatusWebhookPoll is how often an endpoint with nothing new looks again.
const StatusWebhookPoll = time.Second

// statusWebhookBatch is the most events one POST carries.
const statusWebhookBatch = 100

// DefaultStatusEventTypes are the event types an endpoint that names none
// is sent: those that move a delivery to a new status.
var DefaultStatusEventTypes = []string{
	store.EventSent, store.EventFailed, store.EventSuppressed, store.EventExpired, store.EventCanceled,
	store.EventDigested, store.EventDarkLaunched, store.EventDelivered, store.EventBounced,
}

// StatusWebhookArgs sends one endpoint its events. There is one such job
// per endpoint at a time (unique by args); it follows the feed, snoozing
// while there is nothing new.
type StatusWebhookArgs struct {
	EndpointID uuid.UUID `json:"endpoint_id"`
}

// Kind implements river.JobArgs.
func (StatusWebhookArgs) Kind() string { return "herald.status_webhook" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (StatusWebhookArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: statusWebhookQueue, MaxAttempts: 25, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// StatusWebhookPayload is the body of a status webhook POST.
type StatusWebhookPayload struct {
	EndpointID string        `json:"endpointId"`
	Events     []StatusEvent `json:"events"`
}

// StatusEvent is one delivery event as a status webhook carries it.
type StatusEvent struct {
	// ID is the event's position in the tenant's feed, unique and
	// increasing in the order events are sent.
	ID             string         `json:"id"`
	Type           string         `json:"type"`
	Time           time.Time      `json:"time"`
	NotificationID string         `json:"notificationId"`
	DeliveryID     string         `json:"deliveryId"`
	RecipientID    string         `json:"recipientId"`
	Channel        string         `json:"channel"`
	Status         string         `json:"status"`
	Reason         string         `json:"reason,omitempty"`
	Provider       string         `json:"provider,omitempty"`
	Attempt        int            `json:"attempt,omitempty"`
	Message        string         `json:"message,omitempty"`
	Details        map[string]any `json:"details,omitempty"`
}

// StatusWebhookWorker POSTs an endpoint the tenant's delivery events of the
// types it chose, in feed order, up to statusWebhookBatch per request,
// signed (Herald-Signature with the endpoint's secret) and with an
// Idempotency-Key naming the batch. The endpoint's cursor moves only after
// a 2xx, so every event is sent at least once; a failure is retried after
// a backoff that grows with the endpoint's consecutive failures.
type StatusWebhookWorker struct {
	river.WorkerDefaults[StatusWebhookArgs]
	w      *worker
	client *http.Client
}

// Timeout implements river.Worker: a run sends up to statusWebhookPages
// batches.
func (s *StatusWebhookWorker) Timeout(*river.Job[StatusWebhookArgs]) time.Duration {
	return statusWebhookPages*s.w.opts.ProviderTimeout + claimMargin
}

// statusWebhookPages is the most batches one run sends before it makes way
// for other endpoints' jobs.
const statusWebhookPages = 10

// Work implements river.Worker.
func (s *StatusWebhookWorker) Work(ctx context.Context, job *river.Job[StatusWebhookArgs]) error {
	st := s.w.opts.Store
	ep, err := st.GetWebhookEndpoint(ctx, job.Args.EndpointID)
	for range statusWebhookPages {
		if errors.Is(err, store.ErrNotFound) {
			return nil // deleted: the job ends with it
		}
		if err != nil {
			return fmt.Errorf("status webhook: %w", err)
		}
		events, ferr := st.EventFeed(ctx, ep.TenantID, ep.Cursor, statusWebhookBatch)
		if ferr != nil {
			return fmt.Errorf("status webhook: %w", ferr)
		}
		if len(events) == 0 {
			return river.JobSnooze(StatusWebhookPoll)
		}
		wanted := wantedEvents(ep, events)
		var lastAt *time.Time
		if len(wanted) > 0 {
			if err := s.post(ctx, ep, wanted); err != nil {
				failures, ferr := st.FailWebhookEndpoint(ctx, ep.ID, err.Error())
				if ferr != nil {
					return fmt.Errorf("status webhook: %w", ferr)
				}
				s.w.opts.Logger.WarnContext(ctx, "status webhook failed; will retry", "endpoint_id", ep.ID, "failures", failures, "error", err)
				return river.JobSnooze(s.w.opts.Retry.Backoff(failures))
			}
			lastAt = &wanted[len(wanted)-1].Time
		}
		next := events[len(events)-1].Cursor
		moved, aerr := st.AdvanceWebhookEndpoint(ctx, ep.ID, ep.Cursor, next, lastAt)
		if aerr != nil {
			return fmt.Errorf("status webhook: %w", aerr)
		}
		if moved {
			ep.Cursor = next
			continue
		}
		// Deleted meanwhile, or moved by someone else: read it again.
		ep, err = st.GetWebhookEndpoint(ctx, job.Args.EndpointID)
	}
	return river.JobSnooze(0) // more may be waiting: go on after other jobs
}

// wantedEvents returns the events of types ep subscribed to.
func wantedEvents(ep *store.WebhookEndpoint, events []store.FeedEvent) []StatusEvent {
	types := ep.EventTypes
	if len(types) == 0 {
		types = DefaultStatusEventTypes
	}
	var out []StatusEvent
	for _, e := range events {
		if !slices.Contains(types, e.Type) {
			continue
		}
		out = append(out, StatusEvent{
			ID: strconv.FormatUint(e.Cursor.XID, 10) + "-" + strconv.FormatInt(e.Cursor.ID, 10), Type: e.Type, Time: e.CreatedAt.UTC(),
			NotificationID: e.NotificationID.String(), DeliveryID: e.DeliveryID.String(), RecipientID: e.RecipientID,
			Channel: string(e.Channel), Status: string(e.Status), Reason: e.Reason, Provider: e.Provider, Attempt: e.Attempt,
			Message: e.Message, Details: e.Details,
		})
	}
	return out
}

// post sends one batch; any answer but 2xx is an error.
func (s *StatusWebhookWorker) post(ctx context.Context, ep *store.WebhookEndpoint, events []StatusEvent) (err error) {
	ctx, span := s.w.tracer.Start(ctx, "herald.status_webhook.send", trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(
		attribute.String("herald.webhook_endpoint.id", ep.ID.String()), attribute.Int("herald.events", len(events))))
	start := time.Now()
	defer func() {
		outcome := "sent"
		if err != nil {
			outcome = "failed"
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
		s.w.metrics.statusWebhooks.Add(ctx, 1, metric.WithAttributes(attribute.String("outcome", outcome)))
		s.w.metrics.statusWebhookDur.Record(ctx, time.Since(start).Seconds(), metric.WithAttributes(attribute.String("outcome", outcome)))
	}()
	body, err := json.Marshal(StatusWebhookPayload{EndpointID: ep.ID.String(), Events: events})
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, s.w.opts.ProviderTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Herald-Status-Webhooks/1")
	// The batch's first event names it: a resend after a lost answer
	// carries the same key.
	req.Header.Set(webhook.IdempotencyHeader, ep.ID.String()+":"+events[0].ID)
	req.Header.Set(webhook.SignatureHeader, webhook.Sign(ep.Secret, time.Now(), body))
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return nil
}

// StatusWebhookSweepArgs makes sure every endpoint has its job (one lost
// to a long outage or exhausted attempts comes back).
type StatusWebhookSweepArgs struct{}

// Kind implements river.JobArgs.
func (StatusWebhookSweepArgs) Kind() string { return "herald.status_webhook_sweep" }

// StatusWebhookSweepWorker inserts the job of every endpoint; those that
// have one are skipped as duplicates.
type StatusWebhookSweepWorker struct {
	river.WorkerDefaults[StatusWebhookSweepArgs]
	w *worker
}

// Work implements river.Worker.
func (s *StatusWebhookSweepWorker) Work(ctx context.Context, _ *river.Job[StatusWebhookSweepArgs]) error {
	eps, err := s.w.opts.Store.AllWebhookEndpoints(ctx)
	if err != nil {
		return err
	}
	if len(eps) == 0 {
		return nil
	}
	params := make([]river.InsertManyParams, len(eps))
	for i, ep := range eps {
		params[i] = river.InsertManyParams{Args: StatusWebhookArgs{EndpointID: ep.ID}}
	}
	_, err = river.ClientFromContext[pgx.Tx](ctx).InsertMany(ctx, params)
	return err
}

// statusWebhookSweepEvery is how often the sweep runs.
const statusWebhookSweepEvery = 5 * time.Minute
