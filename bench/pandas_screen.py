"""pandas implementation of the supply-chain screen, for bench/screen.ts (the ≥ 5× target).

Reads one BACI-format year (t,i,j,k,v,q CSV — Debian's python3-pandas has no Parquet engine, pyarrow is not
packaged) and computes, for every importer j × HS6 k, the same indicators as `chokepoint screen --reporter ALL`:
import value, HHI, top supplier and share, top-3 share, supplier count, countries to 75 %, concern and
like-minded shares, exports, M/X (9999 when no exports), world export HHI and top exporter share, and the
eu2021 / majority / hhi flags (geodep needs 2 of 3 years: with one year it is never met, as in chokepoint).
Writes the result as CSV. Usage: python3 pandas_screen.py IN.csv YEAR OUT.csv CONCERN_CODES LIKE_MINDED_CODES
(codes comma-separated BACI numbers).
"""
import sys

import numpy as np
import pandas as pd


def main():
    src, year, out, concern_arg, like_arg = sys.argv[1:6]
    year = int(year)
    concern = {int(c) for c in concern_arg.split(",") if c}
    like_minded = {int(c) for c in like_arg.split(",") if c}
    df = pd.read_csv(
        src,
        dtype={"t": "int16", "i": "int32", "j": "int32", "k": "str", "v": "float64", "q": "float64"},
        na_values=["NA"],
        keep_default_na=False,
    )
    df = df[df["t"] == year]
    df["k"] = df["k"].str.zfill(6).astype("category")

    # Imports of every importer j by partner i (BACI has one row per i, j, k; summing keeps it general).
    imp = df.groupby(["j", "k", "i"], observed=True, sort=False)["v"].sum().reset_index()
    imp = imp[imp["v"] > 0]
    imp = imp.sort_values(["j", "k", "v", "i"], ascending=[True, True, False, True], kind="stable")
    g = imp.groupby(["j", "k"], observed=True, sort=False)
    imp["total"] = g["v"].transform("sum")
    imp["s"] = imp["v"] / imp["total"]
    imp["s2"] = imp["s"] * imp["s"]
    imp["before"] = g["s"].cumsum() - imp["s"]
    imp["rank"] = g.cumcount() + 1
    imp["need"] = imp["before"] < 0.75 - 1e-9
    imp["top3"] = np.where(imp["rank"] <= 3, imp["s"], 0.0)
    imp["concern"] = np.where(imp["i"].isin(concern), imp["s"], 0.0)
    imp["lm"] = np.where(imp["i"].isin(like_minded), imp["s"], 0.0)
    g = imp.groupby(["j", "k"], observed=True, sort=False)
    screen = g.agg(
        importValue=("v", "sum"),
        hhi=("s2", "sum"),
        topShare=("s", "first"),
        topSupplier=("i", "first"),
        top3Share=("top3", "sum"),
        suppliers=("v", "size"),
        countriesTo75=("need", "sum"),
        concernShare=("concern", "sum"),
        likeMindedShare=("lm", "sum"),
    ).reset_index()

    # Exports of each country (as exporter i) and world export concentration per product.
    wexp = df.groupby(["k", "i"], observed=True, sort=False)["v"].sum().reset_index()
    wexp = wexp[wexp["v"] > 0]
    wg = wexp.groupby("k", observed=True, sort=False)
    wexp["W"] = wg["v"].transform("sum")
    wexp["w2"] = (wexp["v"] / wexp["W"]) ** 2
    world = wexp.groupby("k", observed=True, sort=False).agg(worldExportHhi=("w2", "sum"), topWorld=("v", "max"), W=("W", "first")).reset_index()
    world["topWorldExporterShare"] = world["topWorld"] / world["W"]
    exports = wexp.rename(columns={"i": "j", "v": "exports"})[["j", "k", "exports"]]

    screen = screen.merge(exports, on=["j", "k"], how="left").merge(world[["k", "worldExportHhi", "topWorldExporterShare"]], on="k", how="left")
    screen["exports"] = screen["exports"].fillna(0.0)
    screen["importExportRatio"] = np.where(screen["exports"] > 0, screen["importValue"] / screen["exports"].where(screen["exports"] > 0, 1.0), 9999.0)
    screen["importValueUsd"] = screen["importValue"] * 1000
    screen["exportValueUsd"] = screen["exports"] * 1000
    extra = 1 - screen["likeMindedShare"]
    screen["flag_eu2021"] = (screen["hhi"] > 0.4) & (extra > 0.5) & (screen["importExportRatio"] > 1)
    screen["flag_geodep"] = False
    screen["flag_majority"] = screen["topShare"] > 0.5
    screen["flag_hhi"] = screen["hhi"] >= 0.5
    screen = screen.sort_values(["j", "importValue", "k"], ascending=[True, False, True])
    screen.drop(columns=["importValue", "exports"]).to_csv(out, index=False)
    print(len(screen))


if __name__ == "__main__":
    main()
