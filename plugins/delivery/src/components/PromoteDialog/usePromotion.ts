import { useCallback, useEffect, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  DeliveryEntityRef,
  PromotionPreview,
  PromotionResult,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../../api';

/** State of one promotion dialog: the preview and the submit. */
export interface PromotionState {
  preview: { loading: boolean; error?: Error; value?: PromotionPreview };
  /** The values the shown preview (and so the submit) uses. */
  previewedValues?: string;
  refreshPreview: (values?: string) => void;
  result: { loading: boolean; error?: Error; value?: PromotionResult };
  submit: () => void;
}

/**
 * Previews a promotion when `active` becomes true, re-previews on demand
 * with new values, and submits exactly the previewed values (so the PR is
 * the diff the user saw).
 */
export function usePromotion(
  entity: DeliveryEntityRef,
  environment: string,
  version: string,
  active: boolean,
): PromotionState {
  const api = useApi(deliveryApiRef);
  const [previewedValues, setPreviewedValues] = useState<string>();
  const [preview, runPreview] = useAsyncFn(
    (values?: string) =>
      api.previewPromotion(entity, { environment, version, values }),
    [api, entity.namespace, entity.kind, entity.name, environment, version],
  );
  const [result, runSubmit] = useAsyncFn(
    () =>
      api.promote(entity, { environment, version, values: previewedValues }),
    [
      api,
      entity.namespace,
      entity.kind,
      entity.name,
      environment,
      version,
      previewedValues,
    ],
  );

  const refreshPreview = useCallback(
    (values?: string) => {
      setPreviewedValues(values);
      runPreview(values);
    },
    [runPreview],
  );

  useEffect(() => {
    if (active) refreshPreview(undefined);
  }, [active, refreshPreview]);

  return {
    preview,
    previewedValues,
    refreshPreview,
    result,
    submit: () => {
      runSubmit();
    },
  };
}
