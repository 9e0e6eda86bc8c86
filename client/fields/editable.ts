import { createContext, useContext } from "react";

/**
 * Whether fields below render as controls or as plain text. Observers get text: the server would
 * drop their writes anyway, and a control that does nothing is a lie.
 */
export const EditableContext = createContext(false);

export const useEditable = (): boolean => useContext(EditableContext);
