package server

import (
	"context"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

// DefaultInboxTokenTTL is how long an inbox token lives when the request
// does not say.
const DefaultInboxTokenTTL = time.Hour

type recipientHandler struct {
	store *store.Store
}

// NewRecipientHandler returns the RecipientService implementation.
func NewRecipientHandler(st *store.Store) heraldv1connect.RecipientServiceHandler {
	return &recipientHandler{store: st}
}

func (h *recipientHandler) UpsertRecipient(ctx context.Context, req *connect.Request[heraldv1.UpsertRecipientRequest]) (*connect.Response[heraldv1.UpsertRecipientResponse], error) {
	tenant := principalFrom(ctx).tenant
	r := recipientFromProto(req.Msg.GetRecipient())
	if r.Timezone != "" {
		if _, err := time.LoadLocation(r.Timezone); err != nil {
			return nil, invalidArgument("recipient.timezone", "unknown IANA time zone "+r.Timezone)
		}
	}
	r.TenantID = tenant.ID
	stored, err := h.store.UpsertRecipient(ctx, r)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.UpsertRecipientResponse{Recipient: recipientToProto(stored)}), nil
}

func (h *recipientHandler) GetRecipient(ctx context.Context, req *connect.Request[heraldv1.GetRecipientRequest]) (*connect.Response[heraldv1.GetRecipientResponse], error) {
	tenant := principalFrom(ctx).tenant
	r, err := h.store.GetRecipient(ctx, tenant.ID, req.Msg.GetRecipientId())
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.GetRecipientResponse{Recipient: recipientToProto(r)}), nil
}

func (h *recipientHandler) DeleteRecipient(ctx context.Context, req *connect.Request[heraldv1.DeleteRecipientRequest]) (*connect.Response[heraldv1.DeleteRecipientResponse], error) {
	tenant := principalFrom(ctx).tenant
	if err := h.store.DeleteRecipient(ctx, tenant.ID, req.Msg.GetRecipientId()); err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.DeleteRecipientResponse{}), nil
}

func (h *recipientHandler) CreateInboxToken(ctx context.Context, req *connect.Request[heraldv1.CreateInboxTokenRequest]) (*connect.Response[heraldv1.CreateInboxTokenResponse], error) {
	tenant := principalFrom(ctx).tenant
	if _, err := h.store.GetRecipient(ctx, tenant.ID, req.Msg.GetRecipientId()); err != nil {
		return nil, toConnectError(ctx, err)
	}
	ttl := DefaultInboxTokenTTL
	if d := req.Msg.GetTtl(); d != nil && d.AsDuration() > 0 {
		ttl = d.AsDuration()
	}
	exp := time.Now().Add(ttl).Truncate(time.Second)
	token, err := MintInboxToken(tenant, req.Msg.GetRecipientId(), exp)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.CreateInboxTokenResponse{Token: token, ExpireTime: timestamppb.New(exp)}), nil
}
