#!/bin/bash
# Start kursboka på Mac: dobbeltklikk i Finder. The same steps as the Linux starter beside it.
exec bash "$(dirname "$0")/start-kursboka-linux.sh" "$@"
