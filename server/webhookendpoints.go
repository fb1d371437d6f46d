package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/url"
	"slices"
	"strings"

	"connectrpc.com/connect"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/store"
)

// StatusEventTypes are the event types an endpoint may subscribe to.
var StatusEventTypes = []string{
	store.EventQueued, store.EventScheduled, store.EventRendered, store.EventSuppressed, store.EventExpired,
	store.EventAttempt, store.EventSent, store.EventFailed, store.EventRetrying, store.EventThrottled,
	store.EventCanceled, store.EventDigested, store.EventHeld, store.EventDarkLaunched, store.EventFailover,
	store.EventProviderSplit, store.EventTokenRemoved, store.EventDelivered, store.EventBounced, store.EventSuppressionAdded,
	store.EventOpened, store.EventClicked, store.EventComplained, store.EventRead, store.EventArchived,
}

type webhookEndpointHandler struct {
	store        *store.Store
	river        *river.Client[pgx.Tx]
	allowPrivate bool
}

// NewWebhookEndpointHandler returns the WebhookEndpointService
// implementation. With allowPrivate, endpoints may use plain http (local
// development); the SSRF guard is applied when sending either way.
func NewWebhookEndpointHandler(st *store.Store, client *river.Client[pgx.Tx], allowPrivate bool) heraldv1connect.WebhookEndpointServiceHandler {
	return &webhookEndpointHandler{store: st, river: client, allowPrivate: allowPrivate}
}

func (h *webhookEndpointHandler) CreateWebhookEndpoint(ctx context.Context, req *connect.Request[heraldv1.CreateWebhookEndpointRequest]) (*connect.Response[heraldv1.CreateWebhookEndpointResponse], error) {
	tenant := principalFrom(ctx).tenant
	u, err := url.Parse(req.Msg.GetUrl())
	if err != nil || u.Host == "" || (u.Scheme != "https" && !(h.allowPrivate && u.Scheme == "http")) {
		return nil, invalidArgument("url", "must be an absolute https URL")
	}
	for _, t := range req.Msg.GetEventTypes() {
		if !slices.Contains(StatusEventTypes, t) {
			return nil, invalidArgument("event_types", "unknown event type "+t+"; known: "+strings.Join(StatusEventTypes, ", "))
		}
	}
	secret := make([]byte, 32)
	rand.Read(secret) //nolint:errcheck // never fails
	ep := &store.WebhookEndpoint{ID: uuid.Must(uuid.NewV7()), TenantID: tenant.ID, URL: u.String(),
		EventTypes: req.Msg.GetEventTypes(), Secret: []byte(hex.EncodeToString(secret))}
	if ep.EventTypes == nil {
		ep.EventTypes = []string{}
	}
	// The endpoint and its job commit together: an endpoint is never left
	// without one.
	err = h.store.InTx(ctx, func(tx pgx.Tx) error {
		if err := store.New(tx).CreateWebhookEndpoint(ctx, ep); err != nil {
			return err
		}
		_, err := h.river.InsertTx(ctx, tx, jobs.StatusWebhookArgs{EndpointID: ep.ID}, nil)
		return err
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.CreateWebhookEndpointResponse{Endpoint: webhookEndpointProto(ep), Secret: string(ep.Secret)}), nil
}

func (h *webhookEndpointHandler) ListWebhookEndpoints(ctx context.Context, _ *connect.Request[heraldv1.ListWebhookEndpointsRequest]) (*connect.Response[heraldv1.ListWebhookEndpointsResponse], error) {
	eps, err := h.store.ListWebhookEndpoints(ctx, principalFrom(ctx).tenant.ID)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.ListWebhookEndpointsResponse{}
	for _, ep := range eps {
		resp.Endpoints = append(resp.Endpoints, webhookEndpointProto(ep))
	}
	return connect.NewResponse(resp), nil
}

func (h *webhookEndpointHandler) DeleteWebhookEndpoint(ctx context.Context, req *connect.Request[heraldv1.DeleteWebhookEndpointRequest]) (*connect.Response[heraldv1.DeleteWebhookEndpointResponse], error) {
	err := h.store.DeleteWebhookEndpoint(ctx, principalFrom(ctx).tenant.ID, uuid.MustParse(req.Msg.GetId()))
	if errors.Is(err, store.ErrNotFound) {
		return nil, connect.NewError(connect.CodeNotFound, errors.New("id: no webhook endpoint "+req.Msg.GetId()))
	}
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.DeleteWebhookEndpointResponse{}), nil
}

func webhookEndpointProto(ep *store.WebhookEndpoint) *heraldv1.WebhookEndpoint {
	out := &heraldv1.WebhookEndpoint{Id: ep.ID.String(), Url: ep.URL, EventTypes: ep.EventTypes,
		CreateTime: timestamppb.New(ep.CreatedAt), LastError: ep.LastError}
	if ep.LastEventAt != nil {
		out.LastEventTime = timestamppb.New(*ep.LastEventAt)
	}
	return out
}
