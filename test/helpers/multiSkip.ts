/** Whether the multi-instance tests can run here, and why not when they cannot. */
import { redisServerBinary } from "./redisServer";
import { TEST_DATABASE_URL } from "./testDatabase";

export const MULTI_SKIP_REASON = !TEST_DATABASE_URL
  ? "skipped: TEST_DATABASE_URL is not set (.ci/postgres makes one)"
  : !redisServerBinary()
    ? "skipped: redis-server is not installed (apt-get install redis-server; .ci/run does)"
    : null;
