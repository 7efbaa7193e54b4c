/// The OpenAPI 3.1 document of the control API, served at `/api/v1/openapi.json`: the
/// source of truth for every route (`ControlOpenAPITests` holds the router to it).
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "camsim control API",
    "version": "0.1",
    "description": "Steer a running camsim: cameras, faults, actions, viewers, events, metrics, snapshots. JSON is snake_case; times are ISO 8601 UTC with milliseconds. Errors are `{\"error\": \"...\"}`, with `problems: [{field, message}]` on a 422. Bound to loopback, no token is needed; on any other address every request carries `Authorization: Bearer TOKEN`. Unknown routes get 404 and wrong methods 405, as JSON; a body over 256 KiB gets 413 and one that is not JSON 400."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "tags": [
    {
      "name": "service"
    },
    {
      "name": "cameras"
    },
    {
      "name": "faults"
    },
    {
      "name": "actions"
    },
    {
      "name": "events"
    },
    {
      "name": "config"
    },
    {
      "name": "sessions"
    },
    {
      "name": "metrics"
    },
    {
      "name": "snapshot"
    },
    {
      "name": "dashboard"
    }
  ],
  "security": [
    {
      "bearer": []
    },
    {}
  ],
  "paths": {
    "/health": {
      "get": {
        "tags": [
          "service"
        ],
        "summary": "Liveness",
        "operationId": "getHealth",
        "description": "Needs no bearer token, even off loopback, so that an orchestrator's probe (which sends fixed headers) can call it; it says nothing beyond that the process serves.",
        "responses": {
          "200": {
            "description": "Serving.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/version": {
      "get": {
        "tags": [
          "service"
        ],
        "summary": "Product and API version",
        "operationId": "getVersion",
        "responses": {
          "200": {
            "description": "The version.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Version"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/openapi.json": {
      "get": {
        "tags": [
          "service"
        ],
        "summary": "This document",
        "operationId": "getOpenAPI",
        "responses": {
          "200": {
            "description": "OpenAPI 3.1.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/config": {
      "get": {
        "tags": [
          "config"
        ],
        "summary": "The running configuration as YAML",
        "operationId": "getConfig",
        "responses": {
          "200": {
            "description": "YAML that `camsim validate` accepts and that reproduces the running cameras, API changes included (the control token left out).",
            "content": {
              "application/yaml": {
                "schema": {
                  "type": "object",
                  "required": [
                    "server",
                    "cameras"
                  ],
                  "properties": {
                    "server": {
                      "type": "object"
                    },
                    "faults": {
                      "type": "object"
                    },
                    "cameras": {
                      "type": "array",
                      "items": {
                        "type": "object"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/events": {
      "get": {
        "tags": [
          "events"
        ],
        "summary": "Server-sent events",
        "operationId": "getEvents",
        "responses": {
          "200": {
            "description": "`text/event-stream`: `event: KIND` and `data: {\"type\", \"time\", \"camera\"?, \"session\"?, ...}` for session_started, session_ended (with packets_sent, payload_bytes_sent), faults_changed, camera_rebooted, camera_offline, camera_online (also when a timed `offline` ends by itself), camera_added, camera_removed, config_reloaded, config_reload_failed (with `reason`; the running cameras are unchanged). Never ends on its own.",
            "content": {
              "text/event-stream": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/cameras": {
      "get": {
        "tags": [
          "cameras"
        ],
        "summary": "List the cameras",
        "operationId": "listCameras",
        "responses": {
          "200": {
            "description": "Every camera, in configuration order.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CameraList"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "post": {
        "tags": [
          "cameras"
        ],
        "summary": "Add a camera",
        "operationId": "addCamera",
        "responses": {
          "201": {
            "description": "Added; `Location` names it.",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Camera"
                }
              }
            }
          },
          "409": {
            "description": "A camera is already served at that path.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "422": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CameraInput"
              }
            }
          }
        }
      }
    },
    "/api/v1/cameras/{path}": {
      "parameters": [
        {
          "name": "path",
          "in": "path",
          "required": true,
          "description": "The camera's path, `/` written as `%2F` (`site-a%2Fdoor`).",
          "schema": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(%2F[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$"
          }
        }
      ],
      "get": {
        "tags": [
          "cameras"
        ],
        "summary": "One camera",
        "operationId": "getCamera",
        "responses": {
          "200": {
            "description": "The camera.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Camera"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "put": {
        "tags": [
          "cameras"
        ],
        "summary": "Replace a camera",
        "operationId": "replaceCamera",
        "responses": {
          "200": {
            "description": "Replaced, as a configuration reload would: a faults-only change keeps its viewers.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Camera"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        },
        "description": "The body may leave `path` out; if it has one, it must be this camera's.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CameraInput"
              }
            }
          }
        }
      },
      "delete": {
        "tags": [
          "cameras"
        ],
        "summary": "Remove a camera",
        "operationId": "removeCamera",
        "responses": {
          "204": {
            "description": "Removed; its viewers got RTCP BYE."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/cameras/{path}/faults": {
      "parameters": [
        {
          "name": "path",
          "in": "path",
          "required": true,
          "description": "The camera's path, `/` written as `%2F` (`site-a%2Fdoor`).",
          "schema": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(%2F[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$"
          }
        }
      ],
      "get": {
        "tags": [
          "faults"
        ],
        "summary": "The camera's fault profile",
        "operationId": "getFaults",
        "responses": {
          "200": {
            "description": "As configured.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Faults"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      },
      "put": {
        "tags": [
          "faults"
        ],
        "summary": "Set the camera's fault profile, live",
        "operationId": "setFaults",
        "responses": {
          "200": {
            "description": "In force now; viewers kept.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Faults"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Faults"
              }
            }
          }
        }
      },
      "delete": {
        "tags": [
          "faults"
        ],
        "summary": "Clear the camera's faults",
        "operationId": "clearFaults",
        "responses": {
          "204": {
            "description": "Cleared."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/cameras/{path}/actions/{action}": {
      "parameters": [
        {
          "name": "path",
          "in": "path",
          "required": true,
          "description": "The camera's path, `/` written as `%2F` (`site-a%2Fdoor`).",
          "schema": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(%2F[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$"
          }
        },
        {
          "name": "action",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string",
            "enum": [
              "reboot",
              "offline",
              "online",
              "idr"
            ]
          }
        }
      ],
      "post": {
        "tags": [
          "actions"
        ],
        "summary": "Fire an action now",
        "operationId": "cameraAction",
        "responses": {
          "202": {
            "description": "Done; the camera's state now.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Camera"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        },
        "description": "`reboot`: sessions and connections drop without a goodbye, the streams come back with a new SSRC, sequence and timestamp base. `offline`: sessions drop and connections are refused until `online` or `seconds` pass. `idr`: the next frame of each stream is an IDR.",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ActionInput"
              }
            }
          }
        }
      }
    },
    "/api/v1/cameras/{path}/inputs/{input}": {
      "parameters": [
        {
          "name": "path",
          "in": "path",
          "required": true,
          "description": "The camera's path, `/` written as `%2F` (`site-a%2Fdoor`).",
          "schema": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(%2F[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$"
          }
        },
        {
          "name": "input",
          "in": "path",
          "required": true,
          "description": "The digital input's number.",
          "schema": {
            "type": "string",
            "enum": [
              "1",
              "2"
            ]
          }
        }
      ],
      "post": {
        "tags": [
          "actions"
        ],
        "summary": "Set a digital input",
        "operationId": "setDigitalInput",
        "description": "Sets the camera's digital input, which its ONVIF event subscribers see as `tns1:Device/Trigger/DigitalInput` (`InputToken` `DigitalInput_N`, `LogicalState`).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DigitalInputInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The input's state now.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DigitalInput"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        }
      }
    },
    "/api/v1/cameras/{path}/snapshot.jpg": {
      "parameters": [
        {
          "name": "path",
          "in": "path",
          "required": true,
          "description": "The camera's path, `/` written as `%2F` (`site-a%2Fdoor`).",
          "schema": {
            "type": "string",
            "pattern": "^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(%2F[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$"
          }
        }
      ],
      "get": {
        "tags": [
          "snapshot"
        ],
        "summary": "The camera's picture now, as JPEG",
        "operationId": "getSnapshot",
        "responses": {
          "200": {
            "description": "A JPEG (JFIF, baseline, 4:2:0) of the stream's current picture, drawn at request time apart from its encoder: at the stream's size, or shrunk to `width` with the aspect kept (never enlarged). `Cache-Control: no-store`.",
            "content": {
              "image/jpeg": {
                "schema": {
                  "type": "string",
                  "contentEncoding": "binary"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "409": {
            "$ref": "#/components/responses/CameraDown"
          }
        },
        "parameters": [
          {
            "name": "stream",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "description": "Stream name (default: the main stream)."
          },
          {
            "name": "width",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 16,
              "maximum": 7680
            },
            "description": "Shrink to this width in pixels (rounded down to even; the height follows the aspect, rounded to even). Widths from the stream's own up give the stream's size."
          }
        ],
        "description": "The snapshot URL of a real camera: the stream's scene drawn for the frame slot due now (a frozen picture stays frozen, a resolution fault changes the size), JPEG-encoded by libjpeg-turbo."
      }
    },
    "/api/v1/sessions": {
      "get": {
        "tags": [
          "sessions"
        ],
        "summary": "Every viewer",
        "operationId": "listSessions",
        "description": "Every session that has chosen a transport: live and playback (`playback`: true) sessions over UDP, TCP, the HTTP tunnel or RTSPS (`tls`), and multicast sessions. A multicast session has no packets of its own: its `packets_sent` and `bytes_sent` are its group's shared counts (the same for every multicast session of the stream), its `faults` are empty and its `rtcp` is null.",
        "responses": {
          "200": {
            "description": "Live and playback sessions.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SessionList"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/sessions/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "The RTSP session id.",
          "schema": {
            "type": "string",
            "pattern": "^[A-Za-z0-9$._+-]+$"
          }
        }
      ],
      "delete": {
        "tags": [
          "sessions"
        ],
        "summary": "Kick one viewer",
        "operationId": "endSession",
        "responses": {
          "204": {
            "description": "Ended: RTCP BYE, and its connection closed if it holds nothing else."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/api/v1/sessions/{id}/faults": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "The RTSP session id.",
          "schema": {
            "type": "string",
            "pattern": "^[A-Za-z0-9$._+-]+$"
          }
        }
      ],
      "put": {
        "tags": [
          "sessions"
        ],
        "summary": "Set one viewer's fault profile, like SET_PARAMETER",
        "operationId": "setSessionFaults",
        "description": "A multicast session shares its group's one send of each packet: it cannot take faults of its own (409 with the reason, as SET_PARAMETER answers 451); set them on the camera.",
        "responses": {
          "409": {
            "description": "A multicast session: faults apply to the camera's multicast group as a whole.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "200": {
            "description": "In force now.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Faults"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "422": {
            "$ref": "#/components/responses/Invalid"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "413": {
            "$ref": "#/components/responses/TooLarge"
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Faults"
              }
            }
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "tags": [
          "metrics"
        ],
        "summary": "Prometheus metrics",
        "operationId": "getMetrics",
        "responses": {
          "200": {
            "description": "Prometheus text exposition format.",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    },
    "/": {
      "get": {
        "tags": [
          "dashboard"
        ],
        "summary": "The dashboard",
        "operationId": "getDashboard",
        "responses": {
          "200": {
            "description": "The dashboard page.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        },
        "description": "One page with no build step (HTML, CSS and JavaScript shipped in the binary): a paged grid of cameras with live snapshot thumbnails, RTSP URLs, viewers, a bitrate and loss sparkline, fault-profile picker and actions, and the sessions table with RTCP statistics."
      }
    },
    "/dashboard/{file}": {
      "parameters": [
        {
          "name": "file",
          "in": "path",
          "required": true,
          "description": "`dashboard.css`, `dashboard.js`, or `presets.json` (the built-in fault preset names).",
          "schema": {
            "type": "string",
            "minLength": 1
          }
        }
      ],
      "get": {
        "tags": [
          "dashboard"
        ],
        "summary": "The dashboard's style sheet, script and preset list",
        "operationId": "getDashboardFile",
        "responses": {
          "200": {
            "description": "The file.",
            "content": {
              "text/css": {
                "schema": {
                  "type": "string"
                }
              },
              "text/javascript": {
                "schema": {
                  "type": "string"
                }
              },
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "presets"
                  ],
                  "properties": {
                    "presets": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string"
          },
          "problems": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Problem": {
        "type": "object",
        "required": [
          "field",
          "message"
        ],
        "properties": {
          "field": {
            "type": "string",
            "examples": [
              "streams[0].fps"
            ]
          },
          "message": {
            "type": "string"
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "const": "ok"
          }
        }
      },
      "Version": {
        "type": "object",
        "required": [
          "name",
          "version",
          "api"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "version": {
            "type": "string"
          },
          "api": {
            "const": "v1"
          }
        }
      },
      "Stream": {
        "type": "object",
        "required": [
          "name",
          "width",
          "height",
          "fps",
          "bitrate_kbps",
          "codec",
          "url",
          "viewers",
          "frames_encoded",
          "frames_skipped",
          "packets_sent",
          "bytes_sent"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "width": {
            "type": "integer",
            "minimum": 2
          },
          "height": {
            "type": "integer",
            "minimum": 2
          },
          "fps": {
            "type": "number",
            "exclusiveMinimum": 0
          },
          "bitrate_kbps": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Null under constant-quality (crf) rate control."
          },
          "codec": {
            "const": "h264"
          },
          "url": {
            "type": "string"
          },
          "viewers": {
            "type": "integer",
            "minimum": 0
          },
          "frames_encoded": {
            "type": "integer",
            "minimum": 0
          },
          "frames_skipped": {
            "type": "integer",
            "minimum": 0
          },
          "packets_sent": {
            "type": "integer",
            "minimum": 0,
            "description": "RTP packets the stream produced, counted once however many watch."
          },
          "bytes_sent": {
            "type": "integer",
            "minimum": 0,
            "description": "RTP bytes (headers included) the stream produced, counted once."
          }
        }
      },
      "Camera": {
        "type": "object",
        "required": [
          "path",
          "state",
          "viewers",
          "urls",
          "streams",
          "faults",
          "fault_profile"
        ],
        "properties": {
          "path": {
            "type": "string"
          },
          "state": {
            "enum": [
              "idle",
              "live",
              "offline",
              "rebooting"
            ]
          },
          "viewers": {
            "type": "integer",
            "minimum": 0
          },
          "urls": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Every RTSP URL, main stream first."
          },
          "streams": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Stream"
            },
            "minItems": 1
          },
          "faults": {
            "description": "The camera's faults as configured: a mapping of fault keys, or a list of profile names and mappings; null when none or one named profile.",
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object"
              },
              {
                "type": "array"
              }
            ]
          },
          "fault_profile": {
            "type": [
              "string",
              "null"
            ],
            "description": "The profile's name when the faults are one named profile."
          },
          "upstream": {
            "type": "object",
            "description": "A proxy camera's upstream source (absent for a simulated camera).",
            "required": ["url", "state", "reconnects", "failures", "loss_pct"],
            "properties": {
              "url": { "type": "string", "description": "The source URL without credentials." },
              "state": { "enum": ["idle", "connecting", "up", "retrying"] },
              "reconnects": { "type": "integer", "minimum": 0 },
              "failures": { "type": "integer", "minimum": 0 },
              "loss_pct": { "type": "number", "minimum": 0, "description": "The upstream's own RTP packet loss, percent." }
            }
          }
        }
      },
      "CameraList": {
        "type": "object",
        "required": [
          "cameras"
        ],
        "properties": {
          "cameras": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Camera"
            }
          }
        }
      },
      "StreamInput": {
        "type": "object",
        "additionalProperties": false,
        "description": "A stream as in the YAML configuration.",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1
          },
          "size": {
            "type": "string",
            "pattern": "^[0-9]+x[0-9]+$"
          },
          "width": {
            "type": [
              "integer",
              "string"
            ]
          },
          "height": {
            "type": [
              "integer",
              "string"
            ]
          },
          "fps": {
            "type": [
              "number",
              "string"
            ]
          },
          "bitrate": {
            "type": [
              "string",
              "integer"
            ],
            "examples": [
              "2000k",
              "2M"
            ]
          },
          "crf": {
            "type": [
              "number",
              "string"
            ]
          },
          "gop": {
            "type": [
              "integer",
              "string"
            ]
          },
          "profile": {
            "enum": [
              "baseline",
              "main",
              "high"
            ]
          },
          "preset": {
            "type": "string"
          },
          "tune": {
            "type": "string"
          }
        }
      },
      "CameraInput": {
        "type": "object",
        "additionalProperties": false,
        "description": "A camera with the same keys as an entry of `cameras:` in the YAML configuration (JSON is YAML). Values the YAML reads from text may be strings (`\"15\"`). Checked as a configuration file is: a problem is a 422 naming its key.",
        "properties": {
          "path": {
            "type": "string",
            "minLength": 1,
            "examples": [
              "site-a/door"
            ]
          },
          "name": {
            "type": "string",
            "description": "Another spelling of `path`."
          },
          "scene": {
            "oneOf": [
              {
                "type": "string",
                "minLength": 1
              },
              {
                "type": "object"
              }
            ],
            "description": "A scene name (`smpte-clock`), a scene file path, or an inline scene."
          },
          "streams": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StreamInput"
            },
            "minItems": 1
          },
          "on_demand": {
            "type": [
              "boolean",
              "string"
            ]
          },
          "idle_stop": {
            "type": [
              "number",
              "string"
            ]
          },
          "faults": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "object"
              },
              {
                "type": "array",
                "items": {
                  "oneOf": [
                    {
                      "type": "string"
                    },
                    {
                      "type": "object"
                    }
                  ]
                }
              }
            ]
          },
          "seed": {
            "type": [
              "integer",
              "string"
            ]
          }
        }
      },
      "Faults": {
        "description": "A fault profile mapping (the YAML keys), `{\"profile\": NAME}`, or a list of profile names and mappings layered in order; `{}` is none.",
        "oneOf": [
          {
            "type": "object"
          },
          {
            "type": "array",
            "items": {
              "oneOf": [
                {
                  "type": "string"
                },
                {
                  "type": "object"
                }
              ]
            }
          }
        ]
      },
      "DigitalInputInput": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "state"
        ],
        "properties": {
          "state": {
            "type": "boolean"
          }
        }
      },
      "DigitalInput": {
        "type": "object",
        "required": [
          "camera",
          "input",
          "state"
        ],
        "properties": {
          "camera": {
            "type": "string"
          },
          "input": {
            "type": "integer"
          },
          "state": {
            "type": "boolean"
          }
        }
      },
      "ActionInput": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "seconds": {
            "type": "number",
            "minimum": 0,
            "maximum": 86400,
            "description": "`offline`: how long (without it, until `online`); `reboot`: downtime before it comes back (default 0)."
          }
        }
      },
      "Session": {
        "type": "object",
        "required": [
          "id",
          "camera",
          "stream",
          "playback",
          "transport",
          "client",
          "started",
          "packets_sent",
          "bytes_sent",
          "faults",
          "rtcp",
          "backchannel"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "camera": {
            "type": "string"
          },
          "stream": {
            "type": "string"
          },
          "playback": {
            "type": "boolean",
            "description": "True when the session plays the camera's recording (a playback URL), false for its live picture."
          },
          "transport": {
            "enum": [
              "udp",
              "tcp",
              "http",
              "multicast",
              "tls"
            ]
          },
          "client": {
            "type": "string",
            "description": "ADDR:PORT"
          },
          "started": {
            "type": "string",
            "format": "date-time"
          },
          "packets_sent": {
            "type": "integer",
            "minimum": 0,
            "description": "RTP packets sent to the viewer; for a multicast session, to its group (shared by the group's sessions)."
          },
          "bytes_sent": {
            "type": "integer",
            "minimum": 0,
            "description": "Octets of those packets; for a multicast session, the group's shared count."
          },
          "faults": {
            "type": "object",
            "additionalProperties": {
              "type": "integer",
              "minimum": 0
            },
            "description": "Packets and frames each fault cause took, by cause."
          },
          "rtcp": {
            "oneOf": [
              {
                "type": "null"
              },
              {
                "$ref": "#/components/schemas/ReceiverReport"
              }
            ]
          },
          "backchannel": {
            "oneOf": [
              {
                "type": "null"
              },
              {
                "$ref": "#/components/schemas/Backchannel"
              }
            ]
          }
        }
      },
      "Backchannel": {
        "type": "object",
        "required": [
          "packets",
          "bytes",
          "lost"
        ],
        "description": "The RTP the client sent on its ONVIF backchannel track (ONVIF Streaming Specification §5.3), over UDP to the server's RTP port or on its interleaved channel; null when the session SETUP no backchannel.",
        "properties": {
          "packets": {
            "type": "integer",
            "minimum": 0,
            "description": "RTP packets of the offered payload type accepted."
          },
          "bytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Their payload (audio) bytes, headers and padding excluded."
          },
          "lost": {
            "type": "integer",
            "minimum": 0,
            "description": "Packets the sequence numbers say never arrived (RFC 3550 §A.3)."
          }
        }
      },
      "ReceiverReport": {
        "type": "object",
        "required": [
          "fraction_lost",
          "cumulative_lost",
          "jitter_ms",
          "rtt_ms",
          "received",
          "reports"
        ],
        "description": "The viewer's last RTCP receiver report block (RFC 3550 §6.4.1).",
        "properties": {
          "fraction_lost": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "cumulative_lost": {
            "type": "integer"
          },
          "jitter_ms": {
            "type": "number",
            "minimum": 0
          },
          "rtt_ms": {
            "type": [
              "number",
              "null"
            ],
            "description": "From LSR and DLSR; null before the viewer echoes a sender report."
          },
          "received": {
            "type": "string",
            "format": "date-time"
          },
          "reports": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "SessionList": {
        "type": "object",
        "required": [
          "sessions"
        ],
        "properties": {
          "sessions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Session"
            }
          }
        }
      }
    },
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "`server.control_token` or CAMSIM_CONTROL_TOKEN; required off loopback."
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The body is not JSON, or a parameter is malformed.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "A token is required and was missing or wrong.",
        "headers": {
          "WWW-Authenticate": {
            "schema": {
              "type": "string"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such camera, session or action.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "The path exists; the method does not.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "TooLarge": {
        "description": "The body is larger than 256 KiB.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "Invalid": {
        "description": "The body is JSON but not valid: `problems` names each field.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      },
      "CameraDown": {
        "description": "The camera is offline or rebooting: like a real camera that is down, it has no picture to give.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    }
  }
}
"""#
}
