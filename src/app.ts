import { PropsWithChildren } from 'react';
import { initPlatform } from './platform/init';
import './app.scss';

initPlatform();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
