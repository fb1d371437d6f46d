package server

import (
	"context"
	"errors"

	"connectrpc.com/connect"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

type digestHandler struct {
	store   *store.Store
	digests jobs.Digests
}

// NewDigestHandler returns the DigestService implementation.
func NewDigestHandler(st *store.Store, digests jobs.Digests) heraldv1connect.DigestServiceHandler {
	return &digestHandler{store: st, digests: digests}
}

func (h *digestHandler) GetDigest(ctx context.Context, req *connect.Request[heraldv1.GetDigestRequest]) (*connect.Response[heraldv1.GetDigestResponse], error) {
	tenant := principalFrom(ctx).tenant
	r, mt, err := h.lookup(ctx, tenant.ID, req.Msg.GetRecipientId(), req.Msg.GetMessageType())
	if err != nil {
		return nil, err
	}
	prefs, err := h.store.GetPreferences(ctx, tenant.ID, r.ID)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.GetDigestResponse{Cadence: wire.PreferencesToProto(prefs).GetDigest().GetCadence()}
	dg, err := h.store.GetDigest(ctx, tenant.ID, r.ID, mt.Key)
	switch {
	case err == nil && dg.NextSendAt != nil:
		resp.NextSendTime = timestamppb.New(*dg.NextSendAt)
	case err == nil || errors.Is(err, store.ErrNotFound):
		// Nothing collected yet: say when the first digest would go.
		if next, ok := pipeline.NextDigest(h.digests.Time(), pipeline.Location(r), prefs.Digest); ok && mt.Digestible {
			resp.NextSendTime = timestamppb.New(next)
		}
	default:
		return nil, toConnectError(ctx, err)
	}
	items, err := h.store.PendingDigestItems(ctx, tenant.ID, r.ID, mt.Key, jobs.MaxDigestItems, false)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	for _, it := range items {
		resp.Items = append(resp.Items, &heraldv1.DigestItem{
			NotificationId: it.NotificationID.String(), Data: wire.StructFromJSON(it.Data), CreateTime: timestamppb.New(it.CreatedAt),
		})
	}
	return connect.NewResponse(resp), nil
}

func (h *digestHandler) FlushDigest(ctx context.Context, req *connect.Request[heraldv1.FlushDigestRequest]) (*connect.Response[heraldv1.FlushDigestResponse], error) {
	tenant := principalFrom(ctx).tenant
	r, mt, err := h.lookup(ctx, tenant.ID, req.Msg.GetRecipientId(), req.Msg.GetMessageType())
	if err != nil {
		return nil, err
	}
	var (
		id    uuid.UUID
		count int
	)
	err = h.store.InTx(ctx, func(tx pgx.Tx) error {
		id, count, err = h.digests.Flush(ctx, tx, tenant.ID, r.ID, mt.Key)
		return err
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.FlushDigestResponse{ItemCount: int32(count)}
	if id != uuid.Nil {
		resp.NotificationId = id.String()
	}
	return connect.NewResponse(resp), nil
}

func (h *digestHandler) lookup(ctx context.Context, tenantID uuid.UUID, recipientID, messageType string) (*store.Recipient, *store.MessageType, error) {
	r, err := h.store.GetRecipient(ctx, tenantID, recipientID)
	if err != nil {
		return nil, nil, toConnectError(ctx, err)
	}
	mt, err := h.store.GetMessageType(ctx, tenantID, messageType, 0)
	if err != nil {
		return nil, nil, toConnectError(ctx, err)
	}
	return r, mt, nil
}
