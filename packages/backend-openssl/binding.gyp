{
  "targets": [
    {
      "target_name": "tlsport_openssl",
      "sources": [
        "native/addon.cc",
        "native/byte_queue_bio.cc",
        "native/callbacks.cc",
        "native/connection.cc",
        "native/constants.cc",
        "native/context.cc",
        "native/context_set.cc",
        "native/engine.cc",
        "native/handshake_info.cc",
        "native/handshake_worker.cc",
        "native/js_values.cc",
        "native/live_objects.cc",
        "native/pem.cc",
        "native/ssl_errors.cc",
        "native/step_costs.cc",
        "native/ticket_keys.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED", "NAPI_CPP_EXCEPTIONS"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "cflags_cc!": ["-fno-exceptions"],
      "ldflags": ["-Wl,-z,now"]
    }
  ]
}
