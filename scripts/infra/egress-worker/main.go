// Halaqa's local egress worker: LiveKit Egress v1.8.6 (Apache-2.0) run from
// its public packages, for local development and the test suite
// (scripts/infra/egress.ts builds and starts it; README "Recording locally").
//
// Two ways to run, like the upstream binary, because the service starts every
// recording as a subprocess `egress run-handler --config … --request …`:
//
//	egress --config FILE        the service: takes start requests from Redis
//	egress run-handler ...      one recording (started by the service)
//
// Left out on purpose: the health port (it binds every interface) and the
// built-in layout templates (Halaqa serves its own layout page, customBaseUrl).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/protobuf/encoding/protojson"

	"github.com/livekit/egress/pkg/config"
	"github.com/livekit/egress/pkg/handler"
	"github.com/livekit/egress/pkg/server"
	"github.com/livekit/egress/pkg/service"
	"github.com/livekit/protocol/logger"
	lkredis "github.com/livekit/protocol/redis"
	"github.com/livekit/protocol/rpc"
	"github.com/livekit/psrpc"
)

func main() {
	var err error
	if len(os.Args) > 1 && os.Args[1] == "run-handler" {
		err = runHandler(os.Args[2:])
	} else {
		err = runService(os.Args[1:])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func runService(args []string) error {
	flags := flag.NewFlagSet("egress", flag.ContinueOnError)
	configFile := flags.String("config", os.Getenv("EGRESS_CONFIG_FILE"), "egress YAML config file")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *configFile == "" {
		return fmt.Errorf("usage: egress --config FILE")
	}
	body, err := os.ReadFile(*configFile)
	if err != nil {
		return err
	}
	conf, err := config.NewServiceConfig(string(body))
	if err != nil {
		return err
	}
	if conf.HealthPort != 0 || conf.TemplatePort != 0 {
		return fmt.Errorf("health_port and template_port must be 0 here (they bind fixed or public ports)")
	}
	rc, err := lkredis.GetRedisClient(conf.Redis)
	if err != nil {
		return err
	}
	bus := psrpc.NewRedisMessageBus(rc)
	ioClient, err := service.NewIOClient(bus)
	if err != nil {
		return err
	}
	svc, err := server.NewServer(conf, bus, ioClient)
	if err != nil {
		return err
	}

	// SIGTERM: finish the running recordings, then exit. SIGINT: stop them now.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGQUIT, syscall.SIGINT)
	go func() {
		sig := <-signals
		logger.Infow("exit requested", "signal", sig)
		svc.Shutdown(true, sig == syscall.SIGINT)
	}()
	return svc.Run()
}

func runHandler(args []string) error {
	flags := flag.NewFlagSet("run-handler", flag.ContinueOnError)
	configBody := flags.String("config", "", "pipeline config (YAML)")
	request := flags.String("request", "", "StartEgressRequest (protobuf JSON)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *configBody == "" {
		return fmt.Errorf("run-handler needs --config")
	}
	req := &rpc.StartEgressRequest{}
	if err := protojson.Unmarshal([]byte(*request), req); err != nil {
		return err
	}
	conf, err := config.NewPipelineConfig(*configBody, req)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(conf.TmpDir, 0o755); err != nil {
		return err
	}
	_ = os.Setenv("TMPDIR", conf.TmpDir)

	rc, err := lkredis.GetRedisClient(conf.Redis)
	if err != nil {
		return err
	}
	h, err := handler.NewHandler(conf, psrpc.NewRedisMessageBus(rc))
	if err != nil {
		// The service reports the failure to LiveKit.
		logger.Errorw("failed to create handler", err)
		return err
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT)
	go func() {
		<-signals
		h.Kill()
	}()
	h.Run()
	return nil
}
