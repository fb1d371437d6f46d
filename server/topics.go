package server

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"connectrpc.com/connect"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/store"
)

type topicHandler struct {
	store *store.Store
}

// NewTopicHandler returns the TopicService implementation.
func NewTopicHandler(st *store.Store) heraldv1connect.TopicServiceHandler {
	return &topicHandler{store: st}
}

func (h *topicHandler) Subscribe(ctx context.Context, req *connect.Request[heraldv1.SubscribeRequest]) (*connect.Response[heraldv1.SubscribeResponse], error) {
	tenant := principalFrom(ctx).tenant
	added, err := h.store.Subscribe(ctx, tenant.ID, req.Msg.GetTopic(), req.Msg.GetRecipientIds())
	if missing := (*store.MissingRecipientsError)(nil); errors.As(err, &missing) {
		return nil, connect.NewError(connect.CodeNotFound, fmt.Errorf("recipient_ids: no recipient %s; nothing was subscribed", listSome(missing.IDs, 5)))
	}
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.SubscribeResponse{Added: int32(added)}), nil
}

func (h *topicHandler) Unsubscribe(ctx context.Context, req *connect.Request[heraldv1.UnsubscribeRequest]) (*connect.Response[heraldv1.UnsubscribeResponse], error) {
	tenant := principalFrom(ctx).tenant
	removed, err := h.store.Unsubscribe(ctx, tenant.ID, req.Msg.GetTopic(), req.Msg.GetRecipientIds())
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.UnsubscribeResponse{Removed: int32(removed)}), nil
}

// subscribersPage is where the next page of subscribers starts.
type subscribersPage struct {
	After string `json:"a"`
}

func (h *topicHandler) ListSubscribers(ctx context.Context, req *connect.Request[heraldv1.ListSubscribersRequest]) (*connect.Response[heraldv1.ListSubscribersResponse], error) {
	tenant := principalFrom(ctx).tenant
	var page subscribersPage
	if err := decodePageToken(req.Msg.GetPageToken(), &page); err != nil {
		return nil, err
	}
	size := pageSize(req.Msg.GetPageSize(), 100)
	ids, err := h.store.TopicSubscribers(ctx, tenant.ID, req.Msg.GetTopic(), page.After, size+1)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.ListSubscribersResponse{RecipientIds: ids}
	if len(ids) > size {
		resp.RecipientIds = ids[:size]
		resp.NextPageToken = encodePageToken(subscribersPage{After: ids[size-1]})
	}
	return connect.NewResponse(resp), nil
}

func (h *topicHandler) ListSubscriptions(ctx context.Context, req *connect.Request[heraldv1.ListSubscriptionsRequest]) (*connect.Response[heraldv1.ListSubscriptionsResponse], error) {
	tenant := principalFrom(ctx).tenant
	topics, err := h.store.Subscriptions(ctx, tenant.ID, req.Msg.GetRecipientId())
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.ListSubscriptionsResponse{Topics: topics}), nil
}

// listSome names up to n of ids, and how many more there are.
func listSome(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:n], ", "), len(ids)-n)
}
