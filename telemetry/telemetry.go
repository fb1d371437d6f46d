// Package telemetry sets up a process's OpenTelemetry metrics, exported in
// Prometheus format at /metrics.
package telemetry

import (
	"context"
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	"go.opentelemetry.io/otel/metric"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	semconv "go.opentelemetry.io/otel/semconv/v1.37.0"
)

// Telemetry owns a process's meter provider and its Prometheus registry.
// Each Telemetry has its own registry, so several Herald instances can run
// in one test process.
type Telemetry struct {
	meters   *sdkmetric.MeterProvider
	registry *prometheus.Registry
}

// New returns telemetry for a service called name.
func New(name, version string) (*Telemetry, error) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	exporter, err := otelprom.New(otelprom.WithRegisterer(reg))
	if err != nil {
		return nil, fmt.Errorf("telemetry: prometheus exporter: %w", err)
	}
	res := resource.NewSchemaless(semconv.ServiceName(name), semconv.ServiceVersion(version))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(exporter), sdkmetric.WithResource(res))
	return &Telemetry{meters: mp, registry: reg}, nil
}

// MeterProvider returns the provider instruments should be created on.
func (t *Telemetry) MeterProvider() metric.MeterProvider { return t.meters }

// Registry returns the Prometheus registry /metrics serves, for collectors
// that are not OpenTelemetry instruments.
func (t *Telemetry) Registry() *prometheus.Registry { return t.registry }

// Handler serves the metrics in Prometheus text format.
func (t *Telemetry) Handler() http.Handler {
	return promhttp.HandlerFor(t.registry, promhttp.HandlerOpts{})
}

// Shutdown flushes and stops the meter provider.
func (t *Telemetry) Shutdown(ctx context.Context) error {
	return t.meters.Shutdown(ctx)
}
