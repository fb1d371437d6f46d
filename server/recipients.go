package server

import (
	"context"
	"errors"
	"time"

	"connectrpc.com/connect"
	"github.com/jackc/pgx/v5"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

// DefaultInboxTokenTTL is how long an inbox token lives when the request
// does not say.
const DefaultInboxTokenTTL = time.Hour

type recipientHandler struct {
	store   *store.Store
	digests jobs.Digests
}

// NewRecipientHandler returns the RecipientService implementation.
func NewRecipientHandler(st *store.Store, digests jobs.Digests) heraldv1connect.RecipientServiceHandler {
	return &recipientHandler{store: st, digests: digests}
}

func (h *recipientHandler) UpsertRecipient(ctx context.Context, req *connect.Request[heraldv1.UpsertRecipientRequest]) (*connect.Response[heraldv1.UpsertRecipientResponse], error) {
	tenant := principalFrom(ctx).tenant
	r := wire.RecipientFromProto(req.Msg.GetRecipient())
	if r.Timezone != "" {
		if _, err := time.LoadLocation(r.Timezone); err != nil {
			return nil, invalidArgument("recipient.timezone", "unknown IANA time zone "+r.Timezone)
		}
	}
	r.TenantID = tenant.ID
	var stored *store.Recipient
	err := h.store.InTx(ctx, func(tx pgx.Tx) error {
		q := store.New(tx)
		before, err := q.GetRecipient(ctx, tenant.ID, r.ID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if stored, err = q.UpsertRecipient(ctx, r); err != nil {
			return err
		}
		if before == nil || before.Timezone == stored.Timezone {
			return nil
		}
		// Digests go at an hour of the recipient's day: a new zone moves them.
		prefs, err := q.GetPreferences(ctx, tenant.ID, r.ID)
		if err != nil {
			return err
		}
		return h.digests.Reschedule(ctx, tx, tenant.ID, stored, prefs.Digest, h.digests.Time())
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.UpsertRecipientResponse{Recipient: wire.RecipientToProto(stored)}), nil
}

func (h *recipientHandler) GetRecipient(ctx context.Context, req *connect.Request[heraldv1.GetRecipientRequest]) (*connect.Response[heraldv1.GetRecipientResponse], error) {
	tenant := principalFrom(ctx).tenant
	r, err := h.store.GetRecipient(ctx, tenant.ID, req.Msg.GetRecipientId())
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.GetRecipientResponse{Recipient: wire.RecipientToProto(r)}), nil
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
