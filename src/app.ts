import { PropsWithChildren } from 'react';
import { initPlatform } from './platform/init';
import { initDisplay } from './hooks/use-display';
import './app.scss';

initPlatform();
initDisplay();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
