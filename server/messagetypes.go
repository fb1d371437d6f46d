package server

import (
	"context"
	"errors"
	"fmt"

	"connectrpc.com/connect"
	"github.com/jackc/pgx/v5"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/messagetype"
	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/wire"
)

type messageTypeHandler struct {
	store    *store.Store
	renderer *render.Renderer
}

// NewMessageTypeHandler returns the MessageTypeService implementation.
func NewMessageTypeHandler(st *store.Store, r *render.Renderer) heraldv1connect.MessageTypeServiceHandler {
	return &messageTypeHandler{store: st, renderer: r}
}

// checkMessageType answers a definition error as InvalidArgument naming the
// field.
func checkMessageType(r *render.Renderer, spec *store.MessageTypeSpec) error {
	var ferr *messagetype.FieldError
	if err := messagetype.Check(r, "message_type", spec); errors.As(err, &ferr) {
		return invalidArgument(ferr.Field, ferr.Message)
	} else if err != nil {
		return err
	}
	return nil
}

func (h *messageTypeHandler) UpsertMessageType(ctx context.Context, req *connect.Request[heraldv1.UpsertMessageTypeRequest]) (*connect.Response[heraldv1.UpsertMessageTypeResponse], error) {
	tenant := principalFrom(ctx).tenant
	spec := wire.MessageTypeSpecFromProto(req.Msg.GetMessageType())
	if err := checkMessageType(h.renderer, &spec); err != nil {
		return nil, err
	}
	var mt *store.MessageType
	err := h.store.InTx(ctx, func(tx pgx.Tx) error {
		var err error
		mt, err = store.New(tx).UpsertMessageType(ctx, tenant.ID, req.Msg.GetMessageType().GetKey(), spec)
		return err
	})
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.UpsertMessageTypeResponse{MessageType: wire.MessageTypeToProto(mt)}), nil
}

func (h *messageTypeHandler) GetMessageType(ctx context.Context, req *connect.Request[heraldv1.GetMessageTypeRequest]) (*connect.Response[heraldv1.GetMessageTypeResponse], error) {
	tenant := principalFrom(ctx).tenant
	mt, err := h.store.GetMessageType(ctx, tenant.ID, req.Msg.GetKey(), int(req.Msg.GetVersion()))
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.GetMessageTypeResponse{MessageType: wire.MessageTypeToProto(mt)}), nil
}

type messageTypeCursor struct {
	After string `json:"a"`
}

func (h *messageTypeHandler) ListMessageTypes(ctx context.Context, req *connect.Request[heraldv1.ListMessageTypesRequest]) (*connect.Response[heraldv1.ListMessageTypesResponse], error) {
	tenant := principalFrom(ctx).tenant
	var cur messageTypeCursor
	if err := decodePageToken(req.Msg.GetPageToken(), &cur); err != nil {
		return nil, err
	}
	limit := pageSize(req.Msg.GetPageSize(), 50)
	list, err := h.store.ListMessageTypes(ctx, tenant.ID, req.Msg.GetCategory(), cur.After, limit+1)
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	resp := &heraldv1.ListMessageTypesResponse{}
	if len(list) > limit {
		list = list[:limit]
		resp.NextPageToken = encodePageToken(messageTypeCursor{After: list[limit-1].Key})
	}
	for _, mt := range list {
		resp.MessageTypes = append(resp.MessageTypes, wire.MessageTypeToProto(mt))
	}
	return connect.NewResponse(resp), nil
}

func (h *messageTypeHandler) PreviewMessage(ctx context.Context, req *connect.Request[heraldv1.PreviewMessageRequest]) (*connect.Response[heraldv1.PreviewMessageResponse], error) {
	tenant := principalFrom(ctx).tenant
	var spec store.MessageTypeSpec
	switch src := req.Msg.GetSource().(type) {
	case *heraldv1.PreviewMessageRequest_MessageTypeKey:
		mt, err := h.store.GetMessageType(ctx, tenant.ID, src.MessageTypeKey, 0)
		if err != nil {
			return nil, toConnectError(ctx, err)
		}
		spec = mt.MessageTypeSpec
	case *heraldv1.PreviewMessageRequest_MessageType:
		spec = wire.MessageTypeSpecFromProto(src.MessageType)
		if err := checkMessageType(h.renderer, &spec); err != nil {
			return nil, err
		}
	}
	var recipient *store.Recipient
	if id := req.Msg.GetRecipientId(); id != "" {
		r, err := h.store.GetRecipient(ctx, tenant.ID, id)
		if err != nil {
			return nil, toConnectError(ctx, err)
		}
		recipient = r
	}
	data := req.Msg.GetData().AsMap()
	raw, err := req.Msg.GetData().MarshalJSON()
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	locale := req.Msg.GetLocale()
	if locale == "" && recipient != nil {
		locale = recipient.Locale
	}
	mt := &store.MessageType{MessageTypeSpec: spec}
	resp := &heraldv1.PreviewMessageResponse{}
	for _, c := range spec.Channels {
		templates, used := pipeline.TemplatesFor(mt, c, locale, req.Msg.GetVariant())
		content, err := h.renderer.Render(c, templates, pipeline.TemplateData(data, recipient), raw)
		if err != nil {
			var rerr *render.Error
			if errors.As(err, &rerr) {
				return nil, invalidArgument(rerr.Field, fmt.Sprintf("cannot render with this data: %v", rerr.Err))
			}
			return nil, toConnectError(ctx, err)
		}
		resp.Messages = append(resp.Messages, &heraldv1.RenderedMessage{
			Channel: wire.ChannelToProto(c), Subject: content.Subject, Title: content.Title,
			Body: content.Body, Html: content.HTML, Link: content.Link, Locale: used,
		})
	}
	return connect.NewResponse(resp), nil
}
