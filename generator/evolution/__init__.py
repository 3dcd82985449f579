"""Spec evolution: what changed between two versions of a catalog, what that does to the
packages' users, the version that must follow, and the changelog that says so.

* `sources`: a spec read from a file or from a git ref (no checkout), with the position of
  every value, and the last release named by `catalog.release_tag`;
* `diff`: every change, classified breaking, deprecating, additive or cosmetic;
* `semver`: the version the changes require (the 0.x convention below 1.0.0);
* `changelog`: a Markdown section linking each code to its anchor in the reference page;
* `report`: the changes as text lines for people and as one JSON document for tools.
"""
