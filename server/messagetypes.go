package server

import (
	"context"
	"errors"
	"fmt"

	"connectrpc.com/connect"
	"github.com/jackc/pgx/v5"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
)

type messageTypeHandler struct {
	store    *store.Store
	renderer *render.Renderer
}

// NewMessageTypeHandler returns the MessageTypeService implementation.
func NewMessageTypeHandler(st *store.Store, r *render.Renderer) heraldv1connect.MessageTypeServiceHandler {
	return &messageTypeHandler{store: st, renderer: r}
}

// CheckMessageType checks what protovalidate cannot: that every channel has
// a template and every template parses. Errors name the field, under prefix.
func CheckMessageType(r *render.Renderer, prefix string, spec *store.MessageTypeSpec) error {
	if err := r.Check(prefix+".templates", spec.Channels, spec.Templates); err != nil {
		return templateError(err)
	}
	if spec.Digestible {
		if spec.DigestTemplates == nil {
			return invalidArgument(prefix+".digest_templates", "a digestible message type needs digest templates")
		}
		if err := r.Check(prefix+".digest_templates", spec.Channels, *spec.DigestTemplates); err != nil {
			return templateError(err)
		}
	}
	return nil
}

func templateError(err error) error {
	var rerr *render.Error
	if errors.As(err, &rerr) {
		if errors.Is(rerr.Err, render.ErrNoTemplate) {
			return invalidArgument(rerr.Field, "a template is required for every channel of the message type")
		}
		return invalidArgument(rerr.Field, rerr.Err.Error())
	}
	return err
}

func (h *messageTypeHandler) UpsertMessageType(ctx context.Context, req *connect.Request[heraldv1.UpsertMessageTypeRequest]) (*connect.Response[heraldv1.UpsertMessageTypeResponse], error) {
	tenant := principalFrom(ctx).tenant
	spec := messageTypeSpecFromProto(req.Msg.GetMessageType())
	if err := CheckMessageType(h.renderer, "message_type", &spec); err != nil {
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
	return connect.NewResponse(&heraldv1.UpsertMessageTypeResponse{MessageType: messageTypeToProto(mt)}), nil
}

func (h *messageTypeHandler) GetMessageType(ctx context.Context, req *connect.Request[heraldv1.GetMessageTypeRequest]) (*connect.Response[heraldv1.GetMessageTypeResponse], error) {
	tenant := principalFrom(ctx).tenant
	mt, err := h.store.GetMessageType(ctx, tenant.ID, req.Msg.GetKey(), int(req.Msg.GetVersion()))
	if err != nil {
		return nil, toConnectError(ctx, err)
	}
	return connect.NewResponse(&heraldv1.GetMessageTypeResponse{MessageType: messageTypeToProto(mt)}), nil
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
		resp.MessageTypes = append(resp.MessageTypes, messageTypeToProto(mt))
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
		spec = messageTypeSpecFromProto(src.MessageType)
		if err := CheckMessageType(h.renderer, "message_type", &spec); err != nil {
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
	resp := &heraldv1.PreviewMessageResponse{}
	for _, c := range spec.Channels {
		content, err := h.renderer.Render(c, spec.Templates, pipeline.TemplateData(data, recipient), raw)
		if err != nil {
			var rerr *render.Error
			if errors.As(err, &rerr) {
				return nil, invalidArgument(rerr.Field, fmt.Sprintf("cannot render with this data: %v", rerr.Err))
			}
			return nil, templateError(err)
		}
		resp.Messages = append(resp.Messages, &heraldv1.RenderedMessage{
			Channel: channelToProto(c), Subject: content.Subject, Title: content.Title,
			Body: content.Body, Html: content.HTML, Link: content.Link,
		})
	}
	return connect.NewResponse(resp), nil
}
