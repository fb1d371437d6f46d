package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/timestamppb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
)

// clientFlags are the connection flags of the client commands.
type clientFlags struct {
	url, apiKey string
}

func (c *clientFlags) register(fs *flag.FlagSet) {
	url := os.Getenv("HERALD_URL")
	if url == "" {
		url = "http://localhost:8080"
	}
	fs.StringVar(&c.url, "url", url, "Herald's base URL (HERALD_URL)")
	fs.StringVar(&c.apiKey, "api-key", os.Getenv("HERALD_API_KEY"), "API key (HERALD_API_KEY)")
}

// connection returns what a client of the API needs: an HTTP client, the
// base URL and the option that sends the API key.
func (c *clientFlags) connection() (*http.Client, string, connect.ClientOption, error) {
	if c.apiKey == "" {
		return nil, "", nil, errors.New("an API key is required: set HERALD_API_KEY or pass --api-key")
	}
	auth := connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			req.Header().Set("Authorization", "Bearer "+c.apiKey)
			return next(ctx, req)
		}
	})
	return &http.Client{Timeout: 30 * time.Second}, strings.TrimRight(c.url, "/"), connect.WithInterceptors(auth), nil
}

func (c *clientFlags) notifications() (heraldv1connect.NotificationServiceClient, error) {
	client, url, auth, err := c.connection()
	if err != nil {
		return nil, err
	}
	return heraldv1connect.NewNotificationServiceClient(client, url, auth), nil
}

func (c *clientFlags) recipients() (heraldv1connect.RecipientServiceClient, error) {
	client, url, auth, err := c.connection()
	if err != nil {
		return nil, err
	}
	return heraldv1connect.NewRecipientServiceClient(client, url, auth), nil
}

// runInboxToken mints an inbox token through the API, as a tenant's backend
// would: it prints the token alone on stdout, for scripts.
func runInboxToken(ctx context.Context, args []string) error {
	var c clientFlags
	fs := flag.NewFlagSet("inbox-token", flag.ContinueOnError)
	c.register(fs)
	ttl := fs.Duration("ttl", time.Hour, "how long the token is valid (at most 24h)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: herald inbox-token [--ttl 1h] <recipient id>")
	}
	client, err := c.recipients()
	if err != nil {
		return err
	}
	resp, err := client.CreateInboxToken(ctx, connect.NewRequest(&heraldv1.CreateInboxTokenRequest{
		RecipientId: fs.Arg(0), Ttl: durationpb.New(*ttl),
	}))
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "inbox token for %s, valid until %s:\n", fs.Arg(0), resp.Msg.GetExpireTime().AsTime().Local().Format(time.RFC3339))
	fmt.Println(resp.Msg.GetToken())
	return nil
}

// getNotification fetches one notification with its timelines.
func (c *clientFlags) getNotification(ctx context.Context, id string) (*heraldv1.Notification, error) {
	client, err := c.notifications()
	if err != nil {
		return nil, err
	}
	resp, err := client.GetNotification(ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: id}))
	if err != nil {
		return nil, err
	}
	return resp.Msg.GetNotification(), nil
}

func runSend(ctx context.Context, args []string) error {
	var c clientFlags
	fs := flag.NewFlagSet("send", flag.ContinueOnError)
	c.register(fs)
	messageType := fs.String("type", "", "message type key (required)")
	to := fs.String("to", "", "recipient ids, comma separated (this or --topic)")
	topic := fs.String("topic", "", "send to the topic's subscribers instead of --to")
	data := fs.String("data", "{}", "template data as a JSON object")
	key := fs.String("idempotency-key", "", "idempotency key")
	sendAt := fs.String("send-at", "", "deliver at this RFC 3339 time")
	if err := fs.Parse(args); err != nil {
		return err
	}
	req := &heraldv1.SendRequest{MessageType: *messageType, IdempotencyKey: *key, Topic: *topic}
	if *to != "" {
		req.RecipientIds = strings.Split(*to, ",")
	}
	req.Data = &structpb.Struct{}
	if err := protojson.Unmarshal([]byte(*data), req.Data); err != nil {
		return fmt.Errorf("--data: %w", err)
	}
	if *sendAt != "" {
		t, err := time.Parse(time.RFC3339, *sendAt)
		if err != nil {
			return fmt.Errorf("--send-at: %w", err)
		}
		req.SendAt = timestamppb.New(t)
	}
	client, err := c.notifications()
	if err != nil {
		return err
	}
	resp, err := client.Send(ctx, connect.NewRequest(req))
	if err != nil {
		return err
	}
	if resp.Msg.GetDuplicate() {
		fmt.Fprintln(os.Stderr, "duplicate: this idempotency key was already used for the same request")
	}
	fmt.Println(resp.Msg.GetNotificationId())
	return nil
}

func runStatus(ctx context.Context, args []string) error {
	var c clientFlags
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	c.register(fs)
	asJSON := fs.Bool("json", false, "print the notification as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: herald status [--json] <notification id>")
	}
	n, err := c.getNotification(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		b, err := protojson.MarshalOptions{Multiline: true}.Marshal(n)
		if err != nil {
			return err
		}
		fmt.Println(string(b))
		return nil
	}
	printNotification(n)
	return nil
}

func enumName(s fmt.Stringer, prefix string) string {
	return strings.ToLower(strings.TrimPrefix(s.String(), prefix))
}

func printNotification(n *heraldv1.Notification) {
	fmt.Printf("notification %s  %s  %s v%d  created %s\n", n.GetId(), enumName(n.GetStatus(), "NOTIFICATION_STATUS_"),
		n.GetMessageType(), n.GetMessageTypeVersion(), n.GetCreateTime().AsTime().Local().Format(time.RFC3339))
	for _, d := range n.GetDeliveries() {
		fmt.Printf("  delivery %s  %s  %s  %s", d.GetId(), d.GetRecipientId(), enumName(d.GetChannel(), "CHANNEL_"),
			enumName(d.GetStatus(), "DELIVERY_STATUS_"))
		if d.GetReason() != "" {
			fmt.Printf(" (%s)", d.GetReason())
		}
		fmt.Printf("  attempts %d", d.GetAttempts())
		if d.GetProvider() != "" {
			fmt.Printf("  via %s", d.GetProvider())
		}
		fmt.Println()
		for _, e := range d.GetEvents() {
			line := fmt.Sprintf("    %s  %-10s", e.GetTime().AsTime().Local().Format("15:04:05.000"), e.GetType())
			if e.GetAttempt() > 0 {
				line += fmt.Sprintf(" #%d", e.GetAttempt())
			}
			if e.GetResponseCode() > 0 {
				line += fmt.Sprintf(" HTTP %d", e.GetResponseCode())
			}
			if e.GetLatency() != nil {
				line += " " + e.GetLatency().AsDuration().Round(time.Millisecond/10).String()
			}
			if e.GetReason() != "" {
				line += " reason=" + e.GetReason()
			}
			if e.GetMessage() != "" {
				line += "  " + e.GetMessage()
			}
			if len(e.GetDetails().GetFields()) > 0 {
				b, _ := json.Marshal(e.GetDetails().AsMap())
				line += "  " + string(b)
			}
			fmt.Println(line)
		}
	}
}
