"""Peer: tbparse's SummaryReader over a whole logdir, scalars into one pandas DataFrame.

usage: tbparse_peer.py LOGDIR
"""
import argparse

from _common import finish

from tbparse import SummaryReader


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("logdir")
    args = ap.parse_args()
    df = SummaryReader(args.logdir, pivot=False, extra_columns={"dir_name"}).scalars
    runs = df["dir_name"].nunique() if len(df) else 0
    series = len(df.groupby(["dir_name", "tag"])) if len(df) else 0
    finish("tbparse", runs, series, len(df))


if __name__ == "__main__":
    main()
