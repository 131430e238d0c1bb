// Loading an API resource into a component: loading, error (with the server's translated
// message) or ready, and a reload.
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../app/api.ts";

export type Load<T> =
  | { state: "loading" }
  | { state: "error"; message: string; status: number }
  | { state: "ready"; data: T };

/** GETs `url` (null: nothing yet) and reloads on `reload()` or when the url changes. */
export function useApiData<T>(url: string | null): Load<T> & { reload(): void } {
  const { t } = useTranslation("common");
  const [load, setLoad] = useState<Load<T>>({ state: "loading" });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!url || version < 0) return;
    let live = true;
    setLoad((prev) => (prev.state === "ready" ? prev : { state: "loading" }));
    api
      .get<T>(url)
      .then((data) => live && setLoad({ state: "ready", data }))
      .catch((err) => {
        if (!live) return;
        setLoad({
          state: "error",
          message: isApiError(err) ? err.message : t("errors.unknown"),
          status: isApiError(err) ? err.status : 0,
        });
      });
    return () => {
      live = false;
    };
  }, [url, version, t]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...load, reload };
}
