import { createContext, ReactNode, useContext } from 'react';
import type { Entity } from '@backstage/catalog-model';

/** What the action buttons need from the Delivery tab. */
export interface DeliveryActionsContextValue {
  /** The entity the tab shows (actions are hidden without it). */
  entity?: Entity;
  /** Reloads the delivery view (after a promote / re-sync). */
  refresh: () => void;
}

const DeliveryActionsContext = createContext<DeliveryActionsContextValue>({
  refresh: () => {},
});

/** Provides the entity and the tab's Refresh to the action buttons. */
export function DeliveryActionsProvider(props: {
  entity: Entity;
  onRefresh: () => void;
  children: ReactNode;
}) {
  const { entity, onRefresh, children } = props;
  return (
    <DeliveryActionsContext.Provider value={{ entity, refresh: onRefresh }}>
      {children}
    </DeliveryActionsContext.Provider>
  );
}

/**
 * The tab's entity and Refresh; outside the Delivery tab (e.g. a card
 * rendered alone) there is no entity and the action slots render nothing.
 */
export function useDeliveryActions(): DeliveryActionsContextValue {
  return useContext(DeliveryActionsContext);
}
