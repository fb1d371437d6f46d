package server

import (
	"context"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

type suppressionHandler struct {
	store *store.Store
}

// NewSuppressionHandler returns the SuppressionService implementation:
// the calling tenant's list only.
func NewSuppressionHandler(st *store.Store) heraldv1connect.SuppressionServiceHandler {
	return &suppressionHandler{store: st}
}

// suppressionCursor is a ListSuppressions page token: the last entry of
// the page, and the filter it belongs to.
type suppressionCursor struct {
	Time    time.Time     `json:"t"`
	Channel store.Channel `json:"c"`
	Address string        `json:"a"`
	Filter  string        `json:"f,omitempty"`
}

func (h *suppressionHandler) ListSuppressions(ctx context.Context, req *connect.Request[heraldv1.ListSuppressionsRequest]) (*connect.Response[heraldv1.ListSuppressionsResponse], error) {
	p := principalFrom(ctx)
	m := req.Msg
	channel := wire.ChannelFromProto(m.GetChannel())
	filter := string(channel) + "/" + m.GetAddress()
	var cur suppressionCursor
	if err := decodePageToken(m.GetPageToken(), &cur); err != nil {
		return nil, err
	}
	if m.GetPageToken() != "" && cur.Filter != filter {
		return nil, invalidArgument("page_token", "belongs to another filter; start again without a page token")
	}
	limit := pageSize(m.GetPageSize(), 50)
	list, err := h.store.ListSuppressions(ctx, store.ListSuppressionsParams{
		TenantID: p.tenant.ID, Channel: channel, Address: m.GetAddress(),
		AfterTime: cur.Time, AfterChannel: cur.Channel, AfterAddress: cur.Address, Limit: limit + 1,
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.ListSuppressionsResponse{}
	if len(list) > limit {
		list = list[:limit]
		last := list[limit-1]
		resp.NextPageToken = encodePageToken(suppressionCursor{Time: last.CreatedAt, Channel: last.Channel, Address: last.Address, Filter: filter})
	}
	for _, s := range list {
		resp.Suppressions = append(resp.Suppressions, suppressionToProto(s))
	}
	return connect.NewResponse(resp), nil
}

func (h *suppressionHandler) AddSuppression(ctx context.Context, req *connect.Request[heraldv1.AddSuppressionRequest]) (*connect.Response[heraldv1.AddSuppressionResponse], error) {
	p := principalFrom(ctx)
	entry, _, err := h.store.AddSuppression(ctx, &store.Suppression{TenantID: p.tenant.ID, Channel: wire.ChannelFromProto(req.Msg.GetChannel()),
		Address: req.Msg.GetAddress(), Reason: req.Msg.GetReason(), Details: map[string]any{"addedBy": p.keyName}})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.AddSuppressionResponse{Suppression: suppressionToProto(entry)}), nil
}

func (h *suppressionHandler) DeleteSuppression(ctx context.Context, req *connect.Request[heraldv1.DeleteSuppressionRequest]) (*connect.Response[heraldv1.DeleteSuppressionResponse], error) {
	p := principalFrom(ctx)
	if err := h.store.DeleteSuppression(ctx, p.tenant.ID, wire.ChannelFromProto(req.Msg.GetChannel()), req.Msg.GetAddress()); err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.DeleteSuppressionResponse{}), nil
}

func suppressionToProto(s *store.Suppression) *heraldv1.Suppression {
	out := &heraldv1.Suppression{
		Channel: wire.ChannelToProto(s.Channel), Address: s.Address, Reason: s.Reason, Provider: s.Provider,
		Details: wire.StructFromMap(s.Details), CreateTime: timestamppb.New(s.CreatedAt),
	}
	if s.DeliveryID != nil {
		out.DeliveryId = s.DeliveryID.String()
	}
	return out
}
