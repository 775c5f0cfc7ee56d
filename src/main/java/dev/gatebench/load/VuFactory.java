package dev.gatebench.load;

import java.util.List;

/**
 * Makes the VUs of one run: each on the next event loop, sharing the run's settings and its
 * pre-encoded requests.
 */
record VuFactory(Transport transport, Vu.Settings settings, List<byte[]> encodedRequests, boolean streaming) {
  Vu create(int id, Vu.Owner owner) {
    return new Vu(id, transport.nextLoop(), settings, new RawRequests(encodedRequests, streaming, 0), owner);
  }
}
