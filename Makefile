# Notify on Camel. The two commands: `make run` (everything on one JVM) and `make test`.
SHELL := /bin/bash
MVN ?= mvn -B -q
JAR := target/notify-on-camel.jar
PORT ?= 6011
NOTIFY_APP_NAME ?= all
JAVA_OPTS ?= -Xms256m -Xmx768m -XX:+UseParallelGC -Duser.timezone=UTC

.PHONY: help run run-role test browser build cds clean command create-service services-up bench

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-22s %s\n", $$1, $$2}'

services-up: ## start PostgreSQL and Redis on this machine when they are down
	@pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -n1) main start
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no

build: ## compile and package the jar (no tests)
	$(MVN) -DskipTests package

$(JAR): pom.xml $(shell find src/main routes db -type f 2>/dev/null)
	$(MVN) -DskipTests package

# the class-data-sharing archive (ADR 0082): trained once per build, about 40 % faster start-ups afterwards;
# when training fails the stamp is still written and the application starts from the plain jar
CDS_STAMP := target/cds/.trained
CDS_ARCHIVE := target/cds/app.jsa
START = $$( [ -s $(CDS_ARCHIVE) ] && echo "-XX:SharedArchiveFile=$(CDS_ARCHIVE) -jar target/cds/notify-on-camel.jar" || echo "-jar $(JAR)" )
$(CDS_STAMP): $(JAR)
	@JAVA_OPTS="$(JAVA_OPTS)" bash src/main/scripts/cds-archive.sh; touch $(CDS_STAMP)

cds: services-up $(CDS_STAMP) ## build the start-up class archive now (make run does it once per build)

run: services-up $(JAR) $(CDS_STAMP) ## the whole system on one JVM: API, workers, embedded SQS, provider simulators (port 6011)
	GIT_COMMIT=$$(git rev-parse --short HEAD 2>/dev/null || echo unknown) BUILD_TIME=$$(date -u +%Y-%m-%dT%H:%M:%SZ) \
	  PORT=$(PORT) NOTIFY_APP_NAME=all java $(JAVA_OPTS) $(START)

run-role: services-up $(JAR) $(CDS_STAMP) ## one role only, e.g. make run-role NOTIFY_APP_NAME=delivery-worker-sender
	PORT=$(PORT) NOTIFY_APP_NAME=$(NOTIFY_APP_NAME) java $(JAVA_OPTS) $(START)

browser: ## Debian's headless Chromium, which the Hawtio console test drives (installed when missing)
	@[ -x /usr/bin/chromium ] || { echo "Installing chromium"; sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# every run starts from an empty test database (created again by the first context): rows left by an earlier run,
# e.g. notifications still `created`, would otherwise reach this run's replay jobs
test: services-up browser ## static checks (compiler warnings) and all tests against real PostgreSQL, Redis and ElasticMQ
	@dropdb -h 127.0.0.1 -U postgres --if-exists --force "$${NOTIFY_DATABASE_NAME:-test_notification_api}"
	@rm -rf target/surefire-reports; status=0; mvn -B -ntp verify || status=$$?; \
	  cat target/surefire-reports/*.txt 2>/dev/null | awk -F'[ ,]+' '/^Tests run:/ { t += $$3; f += $$5 + $$7; s += $$9 } \
	    END { printf "%d passed, %d failed, %d skipped\n", t - f - s, f, s }'; \
	  exit $$status

bench: services-up ## benchmark on this machine (about 9-10 minutes): prints the table and writes it to docs/performance.md
	JAVA_OPTS="$(JAVA_OPTS)" bash src/test/bench/bench.sh

command: $(JAR) ## run a one-off command: make command ARGS="create-service --help"
	java $(JAVA_OPTS) -jar $(JAR) command $(ARGS)

create-service: $(JAR) ## a user, a service, SMS and email templates and a live API key, for your first five minutes
	java $(JAVA_OPTS) -jar $(JAR) command create-service $(ARGS)

clean: ## remove build output
	$(MVN) clean

CF_APP ?= notify-api
ENVIRONMENT ?= preview

.PHONY: generate-manifest cf-push
generate-manifest: $(JAR) ## render manifest.yml.j2 for one app: make generate-manifest CF_APP=notify-api ENVIRONMENT=production
	@java -jar $(JAR) generate-manifest $(CF_APP) $(ENVIRONMENT)

cf-push: $(JAR) ## push one app to the targeted CF space with a rolling deployment: make cf-push CF_APP=... ENVIRONMENT=...
	@command -v cf >/dev/null || { echo "The Cloud Foundry CLI (cf) is not installed"; exit 1; }
	cf push $(CF_APP) --strategy rolling -f <(java -jar $(JAR) generate-manifest $(CF_APP) $(ENVIRONMENT))

.PHONY: collate-letter-pdfs purge-functional-test-data populate-annual-billing create-provider-rates list-routes insert-inbound-numbers replay-service-callbacks rebuild-ft-billing-for-day migrate-data-to-ft-notification-status
collate-letter-pdfs: $(JAR) ## run today's letter print run now: zips to DVLA over SFTP, letters marked sending
	java $(JAVA_OPTS) -jar $(JAR) command collate-letter-pdfs

purge-functional-test-data: $(JAR) ## delete functional-test users (email PREFIX...+<uuid>@...), their services and rows: make purge-functional-test-data PREFIX=notify-tests-preview
	@test -n "$(PREFIX)" || { echo "PREFIX is required, e.g. make purge-functional-test-data PREFIX=notify-tests-preview"; exit 2; }
	java $(JAVA_OPTS) -jar $(JAR) command purge-functional-test-data -u "$(PREFIX)"

populate-annual-billing: $(JAR) ## free SMS allowance rows for a financial year: make populate-annual-billing YEAR=2024
	@test -n "$(YEAR)" || { echo "YEAR is required, e.g. make populate-annual-billing YEAR=2024"; exit 2; }
	java $(JAVA_OPTS) -jar $(JAR) command populate-annual-billing -y "$(YEAR)"

create-provider-rates: $(JAR) ## a provider rate: make create-provider-rates PROVIDER=mmg COST=1.5 VALID_FROM=2021-04-01T00:00:00
	@test -n "$(PROVIDER)" -a -n "$(COST)" -a -n "$(VALID_FROM)" || { echo "PROVIDER, COST and VALID_FROM are required"; exit 2; }
	java $(JAVA_OPTS) -jar $(JAR) command create-provider-rates -p "$(PROVIDER)" -c "$(COST)" -d "$(VALID_FROM)"

insert-inbound-numbers: $(JAR) ## load inbound SMS numbers, one per line: make insert-inbound-numbers FILE=numbers.txt
	@test -n "$(FILE)" || { echo "FILE is required"; exit 2; }
	java $(JAVA_OPTS) -jar $(JAR) command insert-inbound-numbers -f "$(FILE)"

replay-service-callbacks: $(JAR) ## send delivery-status callbacks again for client references in FILE: make replay-service-callbacks FILE=refs.txt SERVICE=<service id>
	@test -n "$(FILE)" -a -n "$(SERVICE)" || { echo "FILE and SERVICE are required, e.g. make replay-service-callbacks FILE=refs.txt SERVICE=<service id>"; exit 2; }
	java $(JAVA_OPTS) -jar $(JAR) command replay-service-callbacks -f "$(FILE)" -s "$(SERVICE)"

rebuild-ft-billing-for-day: $(JAR) ## recompute ft_billing for a London day: make rebuild-ft-billing-for-day DAY=2024-05-01 [SERVICE=<service id>]
	@test -n "$(DAY)" || { echo "DAY is required, e.g. make rebuild-ft-billing-for-day DAY=2024-05-01"; exit 2; }
	java $(JAVA_OPTS) -jar $(JAR) command rebuild-ft-billing-for-day -d "$(DAY)" $(if $(SERVICE),-s "$(SERVICE)")

migrate-data-to-ft-notification-status: $(JAR) ## rebuild ft_notification_status for days START..END: make migrate-data-to-ft-notification-status START=2024-05-01 END=2024-05-07 [TYPE=sms]
	@test -n "$(START)" -a -n "$(END)" || { echo "START and END are required, e.g. make migrate-data-to-ft-notification-status START=2024-05-01 END=2024-05-07"; exit 2; }
	java $(JAVA_OPTS) -jar $(JAR) command migrate-data-to-ft-notification-status -s "$(START)" -e "$(END)" $(if $(TYPE),-t "$(TYPE)")

list-routes: $(JAR) ## every HTTP route and consuming route, for all roles or one: make list-routes [ROLE=api]
	@java $(JAVA_OPTS) -jar $(JAR) command list-routes $(if $(ROLE),-r "$(ROLE)")
